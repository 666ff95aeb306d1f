package com.storyloop.eventing.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.storyloop.runtime.LocalKafka;
import com.storyloop.runtime.Ports;
import com.storyloop.runtime.RepositoryLayout;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A real broker secured as docker-compose.yml secures it (SASL/SCRAM-SHA-512, ACLs from {@link KafkaAcls}), used through
 * the same client settings services read from their environment: each service writes only its own topics.
 */
@RealInfrastructure
class KafkaAclsIT {

    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static LocalKafka kafka;
    private static Path root;

    @BeforeAll
    static void securedBroker() throws Exception {
        root = Files.createTempDirectory("storyloop-secured-kafka");
        kafka = LocalKafka.start(LocalKafka.Settings.forTests(root.resolve("kafka")).withSasl(Ports.free()), RepositoryLayout.locate(), false,
                root.resolve("kafka.log"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            for (KafkaAcls.Principal principal : KafkaAcls.STORYLOOP) {
                String password = UUID.randomUUID().toString();
                PASSWORDS.put(principal.user(), password);
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(principal.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get();
            }
            admin.createAcls(KafkaAcls.all()).all().get();
        }
        TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.ALL, 3, (short) 1);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, String> as(String user) {
        return KafkaClientSecurity.scram(user, PASSWORDS.get(user));
    }

    @Test
    void aServiceWritesItsOwnTopicButNotAnotherServices() throws Exception {
        try (KafkaProducer<String, byte[]> story = new KafkaProducer<>(TopicProvisioner.producerDefaults(kafka.saslBootstrapServers(), as("story-service")))) {
            assertThat(story.send(new ProducerRecord<>(Topics.STORY_EVENTS, "k", new byte[] {1})).get().offset()).isGreaterThanOrEqualTo(0);

            assertThatThrownBy(() -> story.send(new ProducerRecord<>(Topics.SCORING_EVENTS, "k", new byte[] {1})).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, byte[]> coverage = new KafkaProducer<>(TopicProvisioner.producerDefaults(kafka.saslBootstrapServers(), as("coverage-service")))) {
            assertThatThrownBy(() -> coverage.send(new ProducerRecord<>(Topics.STORY_EVENTS, "forged", new byte[] {1})).get())
                    .as("a reader cannot inject into the topic it reads").hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, byte[]> partner = new KafkaProducer<>(TopicProvisioner.producerDefaults(kafka.saslBootstrapServers(), as("content-partner")))) {
            assertThat(partner.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, "pack", new byte[] {1})).get().offset()).isGreaterThanOrEqualTo(0);
            assertThatThrownBy(() -> partner.send(new ProducerRecord<>(Topics.CONTENT_EVENTS, "pack", new byte[] {1})).get())
                    .as("a partner's content is only accepted through intake").hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsWhatItConsumesUnderItsOwnGroupsAndCreatesItsOwnDeadLetterTopics() throws Exception {
        String dlq = Topics.deadLetter(Topics.STORY_EVENTS, "coverage-principles-" + UUID.randomUUID());
        TopicProvisioner.ensure(kafka.saslBootstrapServers(), as("coverage-service"), List.of(Topics.STORY_EVENTS, dlq), 3, (short) 1);
        try (KafkaProducer<String, byte[]> story = new KafkaProducer<>(TopicProvisioner.producerDefaults(kafka.saslBootstrapServers(), as("story-service")))) {
            story.send(new ProducerRecord<>(Topics.STORY_EVENTS, "k", new byte[] {2})).get();
        }

        try (KafkaConsumer<String, byte[]> coverage = consumer("coverage-service", "coverage-principles-" + UUID.randomUUID())) {
            coverage.subscribe(List.of(Topics.STORY_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> !coverage.poll(Duration.ofMillis(500)).isEmpty());
        }
        try (KafkaProducer<String, byte[]> coverage = new KafkaProducer<>(TopicProvisioner.producerDefaults(kafka.saslBootstrapServers(), as("coverage-service")))) {
            assertThat(coverage.send(new ProducerRecord<>(dlq, "k", new byte[] {3})).get().offset()).isGreaterThanOrEqualTo(0);
        }
        try (KafkaConsumer<String, byte[]> borrowed = consumer("coverage-service", "scoring-revisions")) {
            borrowed.subscribe(List.of(Topics.STORY_EVENTS));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    ConsumerRecords<String, byte[]> ignored = borrowed.poll(Duration.ofMillis(500));
                }
            }).as("another service's consumer group").isInstanceOf(org.apache.kafka.common.errors.GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(TopicProvisioner.producerDefaults(kafka.saslBootstrapServers(),
                KafkaClientSecurity.scram("story-service", "not-the-password")));
        config.put("max.block.ms", 10_000);
        try (KafkaProducer<String, byte[]> intruder = new KafkaProducer<>(config)) {
            assertThatThrownBy(() -> intruder.send(new ProducerRecord<>(Topics.STORY_EVENTS, "k", new byte[] {1})).get())
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void servicesReadTheirSettingsFromTheSamePropertiesAsSpringsKafkaClients() {
        Map<String, String> spring = Map.of("spring.kafka.security.protocol", "SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "spring.kafka.properties.linger.ms", "5");

        Map<String, String> security = KafkaClientSecurity.from(spring::get);

        assertThat(security).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        assertThat(KafkaClientSecurity.from(name -> null)).as("a loopback broker stays plaintext").isEmpty();
    }

    private static KafkaConsumer<String, byte[]> consumer(String user, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.saslBootstrapServers());
        p.putAll(as(user));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
