package com.storyloop.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.RepositoryLayout;

/** Where `storyloop up` keeps its data, logs and pids, and which ports it uses; every port can be set by environment. */
record PlatformConfig(RepositoryLayout layout, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort, List<Service> services) {

    static final String DATABASE = "storyloop";

    record Service(String name, String schema, int port) {
        String healthUrl() {
            return "http://127.0.0.1:" + port + "/actuator/health";
        }
    }

    static PlatformConfig fromEnvironment(Map<String, String> env) {
        RepositoryLayout layout = RepositoryLayout.locate();
        Path home = Path.of(env.getOrDefault("STORYLOOP_HOME", layout.root().resolve(".storyloop").toString())).toAbsolutePath();
        return new PlatformConfig(layout, home,
                port(env, "STORYLOOP_PG_PORT", 15432),
                port(env, "STORYLOOP_KAFKA_PORT", 19092),
                port(env, "STORYLOOP_KAFKA_CONTROLLER_PORT", 19093),
                List.of(new Service("story-service", "story", port(env, "STORYLOOP_STORY_PORT", 8101)),
                        new Service("scoring-service", "scoring", port(env, "STORYLOOP_SCORING_PORT", 8102)),
                        new Service("practice-session-service", "practice", port(env, "STORYLOOP_PRACTICE_PORT", 8103)),
                        new Service("coverage-service", "coverage", port(env, "STORYLOOP_COVERAGE_PORT", 8104)),
                        new Service("console", "console", port(env, "STORYLOOP_CONSOLE_PORT", 8080))));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new CliException(name + "=" + value + " is not a port number (1-65535)");
        }
    }

    Path logs() {
        return home.resolve("logs");
    }

    Path pids() {
        return home.resolve("run");
    }

    Path kafkaData() {
        return home.resolve("data").resolve("kafka");
    }

    /** PostgreSQL runs as the postgres user when we are root; it needs a folder that user can reach. */
    Path postgresData() {
        Path preferred = home.resolve("data").resolve("postgres");
        if (LocalPostgres.reachableByServerUser(home)) {
            return preferred;
        }
        return Path.of("/var/tmp", "storyloop-postgres-" + Integer.toHexString(home.toString().hashCode()));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name) || s.name().equals(name + "-service")).findFirst()
                .orElseThrow(() -> new CliException("Unknown service " + name + "; one of "
                        + services.stream().map(Service::name).toList()));
    }
}
