package com.storyloop.eventing.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How every Kafka client of a service authenticates, from the same Spring properties Spring's own Kafka clients read:
 * {@code spring.kafka.security.protocol} and the {@code sasl.*} and {@code ssl.*} entries of {@code spring.kafka.properties}
 * (in a container: {@code SPRING_KAFKA_SECURITY_PROTOCOL}, {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}; secrets come from the environment, never from a committed file).
 * Empty on a local loopback broker, which stays plaintext.
 */
public final class KafkaClientSecurity {

    static final List<String> KEYS = List.of("sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password",
            "ssl.truststore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password", "ssl.endpoint.identification.algorithm");

    private KafkaClientSecurity() {
    }

    /** The client properties, given a lookup of Spring property names (null when unset). */
    public static Map<String, String> from(UnaryOperator<String> property) {
        Map<String, String> security = new LinkedHashMap<>();
        String protocol = property.apply("spring.kafka.security.protocol");
        if (protocol != null && !protocol.isBlank()) {
            security.put("security.protocol", protocol.trim());
        }
        for (String key : KEYS) {
            String value = property.apply("spring.kafka.properties." + key);
            if (value != null && !value.isBlank()) {
                security.put(key, value);
            }
        }
        return Map.copyOf(security);
    }

    /** The SASL/SCRAM client settings for one user, as a service's environment would give them. */
    public static Map<String, String> scram(String username, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                        + "\" password=\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\";");
    }
}
