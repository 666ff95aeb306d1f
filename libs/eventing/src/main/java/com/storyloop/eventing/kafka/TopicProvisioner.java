package com.storyloop.eventing.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import com.storyloop.schemas.Topics;

/** Creates topics that do not exist yet, with the platform's partitions and keep-forever retention. */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensure(String bootstrapServers, Collection<String> topics, int partitions, short replicationFactor) {
        ensure(bootstrapServers, Map.of(), topics, partitions, replicationFactor);
    }

    /** As {@link #ensure(String, Collection, int, short)}, authenticating with {@code clientSecurity}. */
    public static void ensure(String bootstrapServers, Map<String, String> clientSecurity, Collection<String> topics, int partitions,
                              short replicationFactor) {
        if (topics.isEmpty()) {
            return; // a service without topics (the console) never needs to reach the broker
        }
        Map<String, Object> config = new HashMap<>(clientSecurity);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, replicationFactor).configs(Topics.CONFIG));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + topics + ": " + e.getMessage(), e);
        }
    }

    /**
     * A created topic answers NOT_LEADER_OR_FOLLOWER until its partitions have leaders; the first sends would be
     * retried, so wait here instead of making the first page of every new topic take the retry path.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
                boolean ready = described.values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Topics " + topics + " have no partition leaders after 30 s");
    }

    public static Map<String, Object> producerDefaults(String bootstrapServers, Map<String, String> clientSecurity) {
        Map<String, Object> config = new HashMap<>(producerDefaults(bootstrapServers));
        config.putAll(clientSecurity);
        return config;
    }

    public static Map<String, Object> producerDefaults(String bootstrapServers) {
        return Map.of(
                "bootstrap.servers", bootstrapServers,
                "acks", "all",
                "enable.idempotence", true,
                "linger.ms", 5,
                "batch.size", 131072,
                "compression.type", "lz4",
                "delivery.timeout.ms", 60_000,
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    }
}
