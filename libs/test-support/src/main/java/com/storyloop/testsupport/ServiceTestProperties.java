package com.storyloop.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot service under test at the shared real Kafka and PostgreSQL. */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    /** Call from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.datasource.url", infrastructure::jdbcUrl);
        registry.add("spring.datasource.username", infrastructure::jdbcUser);
        registry.add("spring.datasource.password", infrastructure::jdbcPassword);
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        // a test plays one user writing far faster than a person; the limits themselves are tested where they are set low
        registry.add("storyloop.web.limits.writes-per-minute", () -> "1000000");
        registry.add("storyloop.web.limits.anonymous-writes-per-minute", () -> "1000000");
    }
}
