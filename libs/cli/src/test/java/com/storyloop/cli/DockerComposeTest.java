package com.storyloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.storyloop.runtime.RepositoryLayout;

import static org.assertj.core.api.Assertions.assertThat;

/** No Docker engine runs here, so docker-compose.yml is checked by reading it: every service, port, health check and dependency. */
class DockerComposeTest {

    static final Map<String, Integer> SERVICES = Map.of("story-service", 8101, "scoring-service", 8102, "practice-session-service", 8103,
            "coverage-service", 8104, "console", 8080);

    static Path root;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        root = RepositoryLayout.locate().root();
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyServiceIsBuiltByTheProjectAndPublishesItsPort() {
        assertThat(services).containsKeys("kafka", "postgres");
        SERVICES.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(build).as(name + " build").containsEntry("dockerfile", "deploy/docker/Dockerfile");
            assertThat(build.get("args")).as(name + " build args").isEqualTo(Map.of("SERVICE", name));
            assertThat(root.resolve("services").resolve(name).resolve("pom.xml")).as(name + " module").exists();
            assertThat((List<String>) service.get("ports")).as(name + " ports").contains(port + ":" + port);
            assertThat(environment(name)).as(name + " port").containsEntry("SERVER_PORT", port);
        });
    }

    @Test
    void everyContainerHasAHealthCheckOnItsOwnPort() {
        SERVICES.forEach((name, port) -> assertThat(healthCheck(name)).as(name).contains("localhost:" + port + "/actuator/health"));
        assertThat(healthCheck("postgres")).contains("pg_isready");
        assertThat(healthCheck("kafka")).contains("kafka-broker-api-versions");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartOnlyAfterWhatTheyNeedIsHealthy() {
        SERVICES.keySet().stream().filter(name -> !name.equals("console")).forEach(name -> {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(name).get("depends_on");
            assertThat(dependsOn).as(name).containsEntry("kafka", Map.of("condition", "service_healthy"))
                    .containsEntry("postgres", Map.of("condition", "service_healthy"));
        });
        Map<String, Map<String, String>> consoleNeeds = (Map<String, Map<String, String>>) services.get("console").get("depends_on");
        SERVICES.keySet().stream().filter(name -> !name.equals("console"))
                .forEach(name -> assertThat(consoleNeeds).as("console needs " + name).containsEntry(name, Map.of("condition", "service_healthy")));
    }

    @Test
    void eachServiceHasItsOwnDatabaseRoleAndSchema() throws IOException {
        String init = Files.readString(root.resolve("deploy/postgres/init.sql"));
        SERVICES.keySet().forEach(name -> {
            Object role = environment(name).get("SPRING_DATASOURCE_USERNAME");
            assertThat(role).as(name + " role").isNotNull().isNotEqualTo("postgres");
            assertThat(init).as(name + " role in init.sql").contains("create role " + role + " login");
            assertThat(init).as(name + " schema owned by its role").containsPattern("create schema \\w+ authorization " + role + ";");
        });
        assertThat(SERVICES.keySet().stream().map(n -> environment(n).get("SPRING_DATASOURCE_USERNAME")).distinct()).hasSize(SERVICES.size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static String healthCheck(String service) {
        Map<String, Object> check = (Map<String, Object>) services.get(service).get("healthcheck");
        assertThat(check).as(service + " healthcheck").isNotNull();
        return String.join(" ", (List<String>) check.get("test"));
    }
}
