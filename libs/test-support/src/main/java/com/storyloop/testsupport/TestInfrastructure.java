package com.storyloop.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import com.storyloop.runtime.LocalKafka;
import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.Ports;
import com.storyloop.runtime.RepositoryLayout;

/**
 * A real Kafka broker and a real PostgreSQL, started once per test JVM and shared by every test in it.
 * Source, in order: the ones named by environment variables (STORYLOOP_TEST_KAFKA, STORYLOOP_TEST_JDBC_URL with
 * STORYLOOP_TEST_JDBC_USER/PASSWORD); Testcontainers when a Docker engine answers; otherwise local processes from the
 * project's own files (Kafka from its Maven artifacts, PostgreSQL from system or embedded binaries).
 * Tests isolate themselves by unique names (schemas, topics, ids), never by restarting infrastructure.
 */
public final class TestInfrastructure {

    public static final String DATABASE = "storyloop_test";

    private static volatile TestInfrastructure instance;
    private static volatile RuntimeException startFailure;

    private final String kafkaBootstrapServers;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String description;
    private final LocalKafka localKafka;

    private TestInfrastructure(String kafka, String jdbcUrl, String user, String password, String description, LocalKafka localKafka) {
        this.kafkaBootstrapServers = kafka;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = user;
        this.jdbcPassword = password;
        this.description = description;
        this.localKafka = localKafka;
    }

    /** Starts (once) and returns the shared infrastructure; throws with the reason when it cannot be had. */
    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (startFailure != null) {
                    throw startFailure;
                }
                if (instance == null) {
                    try {
                        instance = start();
                        System.out.println("[storyloop-test] infrastructure: " + instance.description);
                    } catch (RuntimeException e) {
                        startFailure = e;
                        throw e;
                    }
                }
            }
        }
        return instance;
    }

    /** Under CI=true, missing infrastructure fails the build; elsewhere integration tests are skipped with the reason. */
    public static boolean mustNotSkip() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static TestInfrastructure start() {
        String externalKafka = System.getenv("STORYLOOP_TEST_KAFKA");
        String externalJdbc = System.getenv("STORYLOOP_TEST_JDBC_URL");
        if (externalKafka != null && externalJdbc != null) {
            return new TestInfrastructure(externalKafka, externalJdbc, System.getenv().getOrDefault("STORYLOOP_TEST_JDBC_USER", "postgres"),
                    System.getenv().getOrDefault("STORYLOOP_TEST_JDBC_PASSWORD", ""), "external (environment)", null);
        }
        String mode = System.getenv().getOrDefault("STORYLOOP_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        if (!mode.equals("local") && dockerAvailable()) {
            return startContainers();
        }
        return startLocal();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static TestInfrastructure startContainers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine").withDatabaseName(DATABASE);
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        postgres.start();
        kafka.start();
        return new TestInfrastructure(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
                "Testcontainers (Docker)", null);
    }

    private static TestInfrastructure startLocal() {
        try {
            Path root = Files.createTempDirectory("storyloop-test-");
            root.toFile().setExecutable(true, false); // the postgres user must traverse it when we run as root
            root.toFile().setReadable(true, false);
            RepositoryLayout layout = RepositoryLayout.locate();
            LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.Settings(root.resolve("postgres"), Ports.free(), false),
                    root.resolve("postgres.log"), false);
            postgres.ensureDatabase(DATABASE);
            LocalKafka kafka = LocalKafka.start(LocalKafka.Settings.forTests(root.resolve("kafka")), layout, false, root.resolve("kafka.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
                deleteQuietly(root);
            }, "storyloop-test-infrastructure-stop"));
            return new TestInfrastructure(kafka.bootstrapServers(), postgres.jdbcUrl(DATABASE), LocalPostgres.SUPERUSER, "",
                    "local processes (Kafka pid " + kafka.pid() + " on " + kafka.bootstrapServers() + ", PostgreSQL "
                            + postgres.binaries() + " on port " + postgres.port() + ", logs in " + root + ")", kafka);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a folder for test infrastructure", e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String jdbcUser() {
        return jdbcUser;
    }

    public String jdbcPassword() {
        return jdbcPassword;
    }

    /** The JDBC URL whose connections use the given schema first on their search path. */
    public String jdbcUrl(String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
    }

    /** A fresh, empty schema with a unique name, so tests sharing one database never see each other's rows. */
    public String newSchema(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema, e);
        }
        return schema;
    }

    /** A unique topic name for tests that must not share a topic with others. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The locally started broker, for fault tests (kill -9, restart); empty with external or container infrastructure. */
    public java.util.Optional<LocalKafka> localKafka() {
        return java.util.Optional.ofNullable(localKafka);
    }
}
