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
    }
}
