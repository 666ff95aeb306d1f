package com.storyloop.eventing.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** `storyloop.eventing.*`: how a service relays its events and which topics it needs. */
@ConfigurationProperties("storyloop.eventing")
public class EventingProperties {

    /** Names the relay checkpoint and the consumer groups' prefix; defaults to spring.application.name. */
    private String serviceName;

    /** Topics this service needs; created at start-up when missing. */
    private List<String> topics = List.of();

    private int partitions = com.storyloop.schemas.Topics.PARTITIONS;

    private short replicationFactor = 1;

    /**
     * More released event schemas ({@code *.avsc}, searched recursively), for example a newer release's
     * {@code schemas/history}: a service deployed before that release then decodes the events newer services write, by
     * their fingerprints, instead of dead-lettering them as UNKNOWN_FINGERPRINT.
     */
    private Path schemaDir;

    private final Relay relay = new Relay();

    public static class Relay {
        private boolean enabled;
        private int pageSize = 1000;
        private Duration idlePause = Duration.ofMillis(20);
        /** Event type -> topic; types not listed go to {@link #defaultTopic}. */
        private Map<String, String> topics = new LinkedHashMap<>();
        private String defaultTopic;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }

        public Duration getIdlePause() {
            return idlePause;
        }

        public void setIdlePause(Duration idlePause) {
            this.idlePause = idlePause;
        }

        public Map<String, String> getTopics() {
            return topics;
        }

        public void setTopics(Map<String, String> topics) {
            this.topics = topics;
        }

        public String getDefaultTopic() {
            return defaultTopic;
        }

        public void setDefaultTopic(String defaultTopic) {
            this.defaultTopic = defaultTopic;
        }
    }

    public Path getSchemaDir() {
        return schemaDir;
    }

    public void setSchemaDir(Path schemaDir) {
        this.schemaDir = schemaDir;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public List<String> getTopics() {
        return topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public Relay getRelay() {
        return relay;
    }
}
