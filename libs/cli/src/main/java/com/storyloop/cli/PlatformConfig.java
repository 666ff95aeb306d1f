package com.storyloop.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.RepositoryLayout;

/**
 * Where `storyloop up` keeps its data, logs and pids, and which ports it uses; every port can be set by environment.
 *
 * @param serviceSettings settings every service gets as they are: the request limits ({@code STORYLOOP_WEB_LIMITS_*} in
 *                        the command's environment), e.g. a higher sign-in rate for an office behind one address
 * @param serviceJvmFlags the services' JVM flags: {@code STORYLOOP_SERVICE_JAVA_OPTS} when set, else the small-memory defaults
 */
record PlatformConfig(RepositoryLayout layout, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort, List<Service> services,
                      Map<String, String> serviceSettings, List<String> serviceJvmFlags) {

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
                        new Service("console", "console", port(env, "STORYLOOP_CONSOLE_PORT", 8080))),
                serviceSettings(env), serviceJvmFlags(env));
    }

    /** Small-memory flags measured on 2 cores: ~250 MiB per service and a third of the start-up CPU (stack-notes.md). */
    static final List<String> DEFAULT_SERVICE_JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m", "-Xss512k");

    private static List<String> serviceJvmFlags(Map<String, String> env) {
        String flags = env.getOrDefault("STORYLOOP_SERVICE_JAVA_OPTS", "").trim();
        return flags.isEmpty() ? DEFAULT_SERVICE_JVM_FLAGS : List.of(flags.split("\\s+"));
    }

    static final String SERVICE_SETTING_PREFIX = "STORYLOOP_WEB_LIMITS_";

    private static Map<String, String> serviceSettings(Map<String, String> env) {
        Map<String, String> settings = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(SERVICE_SETTING_PREFIX)) {
                settings.put(name, value);
            }
        });
        return Map.copyOf(settings);
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
