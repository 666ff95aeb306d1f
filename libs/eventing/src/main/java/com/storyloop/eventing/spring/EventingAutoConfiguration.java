package com.storyloop.eventing.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.storyloop.eventing.consumer.DeadLetters;
import com.storyloop.eventing.consumer.EventConsumer;
import com.storyloop.eventing.kafka.KafkaClientSecurity;
import com.storyloop.eventing.kafka.TopicProvisioner;
import com.storyloop.eventing.rebuild.ProjectionRebuilds;
import com.storyloop.eventing.relay.OutboxRelay;
import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.eventing.store.EventStore;
import com.storyloop.schemas.EventCatalog;
import com.storyloop.schemas.EventCodec;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the shared mechanics into a service: event store, relay (when `storyloop.eventing.relay.enabled`), and one
 * consumer per {@link ConsumerDefinition} bean, with their lag as metrics.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

    /** The jar's released schemas, plus those under {@code storyloop.eventing.schema-dir} when set. */
    @Bean
    EventCodec eventCodec(EventingProperties properties) {
        return properties.getSchemaDir() == null ? new EventCodec() : new EventCodec(new EventCatalog(properties.getSchemaDir()));
    }

    @Bean
    EventStore eventStore(DataSource dataSource) {
        return new EventStore(dataSource);
    }

    @Bean
    AvroEventStore avroEventStore(EventStore eventStore, EventCodec codec) {
        return new AvroEventStore(eventStore, codec);
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(Environment environment) {
        return new KafkaProducer<>(TopicProvisioner.producerDefaults(bootstrapServers(environment), clientSecurity(environment)));
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(List<ConsumerDefinition> consumers, DataSource dataSource, EventCodec codec,
                                          Producer<String, byte[]> producer, Environment environment) {
        return new ProjectionRebuilds(consumers, dataSource, codec, producer, bootstrapServers(environment), clientSecurity(environment));
    }

    @Bean
    EventingLifecycle eventingLifecycle(EventingProperties properties, Environment environment, DataSource dataSource, EventCodec codec,
                                        Producer<String, byte[]> producer, List<ConsumerDefinition> consumers,
                                        ObjectProvider<MeterRegistry> meters) {
        return new EventingLifecycle(properties, environment, dataSource, codec, producer, consumers, meters.getIfAvailable());
    }

    static String bootstrapServers(Environment environment) {
        return environment.getProperty("spring.kafka.bootstrap-servers", "127.0.0.1:9092");
    }

    /** How this service's Kafka clients authenticate (docs/operations.md, Kafka); empty on a plaintext loopback broker. */
    static Map<String, String> clientSecurity(Environment environment) {
        return KafkaClientSecurity.from(environment::getProperty);
    }

    static String serviceName(EventingProperties properties, Environment environment) {
        return properties.getServiceName() != null ? properties.getServiceName()
                : environment.getProperty("spring.application.name", "storyloop");
    }

    /** Creates topics, then starts the relay and consumers after the context is ready; stops them first on shutdown. */
    public static final class EventingLifecycle implements SmartLifecycle {

        private final EventingProperties properties;
        private final Environment environment;
        private final DataSource dataSource;
        private final EventCodec codec;
        private final Producer<String, byte[]> producer;
        private final List<ConsumerDefinition> definitions;
        private final MeterRegistry meters;
        private final List<EventConsumer> consumers = new ArrayList<>();
        private OutboxRelay relay;
        private volatile boolean running;

        EventingLifecycle(EventingProperties properties, Environment environment, DataSource dataSource, EventCodec codec,
                          Producer<String, byte[]> producer, List<ConsumerDefinition> definitions, MeterRegistry meters) {
            this.properties = properties;
            this.environment = environment;
            this.dataSource = dataSource;
            this.codec = codec;
            this.producer = producer;
            this.definitions = definitions;
            this.meters = meters;
        }

        @Override
        public synchronized void start() {
            String bootstrap = bootstrapServers(environment);
            Set<String> topics = new LinkedHashSet<>(properties.getTopics());
            for (ConsumerDefinition definition : definitions) {
                topics.addAll(definition.topics());
                definition.topics().forEach(t -> topics.add(DeadLetters.topicFor(t, definition.group())));
            }
            topics.addAll(properties.getRelay().getTopics().values());
            if (properties.getRelay().getDefaultTopic() != null) {
                topics.add(properties.getRelay().getDefaultTopic());
            }
            Map<String, String> security = clientSecurity(environment);
            TopicProvisioner.ensure(bootstrap, security, topics, properties.getPartitions(), properties.getReplicationFactor());

            String service = serviceName(properties, environment);
            if (properties.getRelay().isEnabled()) {
                EventingProperties.Relay settings = properties.getRelay();
                relay = new OutboxRelay(dataSource, producer, type -> {
                    String topic = settings.getTopics().getOrDefault(type, settings.getDefaultTopic());
                    if (topic == null) {
                        throw new IllegalStateException("No topic configured for event type " + type);
                    }
                    return topic;
                }, new OutboxRelay.Settings(service, settings.getPageSize(), settings.getIdlePause(), java.time.Duration.ofSeconds(30)));
                relay.start();
                if (meters != null) {
                    Gauge.builder("storyloop.relay.lag", relay, OutboxRelay::lag).description("Events stored but not yet relayed to Kafka")
                            .tag("service", service).register(meters);
                    Gauge.builder("storyloop.relay.published", relay, OutboxRelay::published).tag("service", service).register(meters);
                }
            }
            for (ConsumerDefinition definition : definitions) {
                EventConsumer consumer = new EventConsumer(EventConsumer.Settings.of(definition.group(), definition.topics(), bootstrap)
                        .withClientSecurity(security),
                        dataSource, codec, definition.handler(), new DeadLetters(producer, definition.group()));
                consumer.start();
                consumers.add(consumer);
                if (meters != null) {
                    Gauge.builder("storyloop.consumer.lag", consumer, EventConsumer::lag).description("Records behind the end of the log")
                            .tag("group", definition.group()).register(meters);
                    Gauge.builder("storyloop.consumer.dead.lettered", consumer, EventConsumer::deadLettered)
                            .tag("group", definition.group()).register(meters);
                    Gauge.builder("storyloop.consumer.applied", consumer, EventConsumer::applied)
                            .tag("group", definition.group()).register(meters);
                }
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            consumers.forEach(EventConsumer::close);
            consumers.clear();
            if (relay != null) {
                relay.close();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        public OutboxRelay relay() {
            return relay;
        }

        /**
         * Records the given groups have still to apply, as last seen by their poll loops: what a view read from their
         * tables says about its freshness ({@code consumerLag}).
         */
        public long lag(Collection<String> groups) {
            long lag = 0;
            for (EventConsumer consumer : consumers()) {
                if (groups.contains(consumer.group())) {
                    lag += consumer.lag();
                }
            }
            return lag;
        }

        public List<EventConsumer> consumers() {
            return List.copyOf(consumers);
        }
    }
}
