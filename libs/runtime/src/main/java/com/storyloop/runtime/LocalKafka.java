package com.storyloop.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker, run as its own JVM from Kafka's Maven artifacts (deploy/kafka-broker/target/lib).
 * A separate process, not an in-process broker, so faults (kill -9, restart) can be exercised and its logging
 * never mixes with the application's.
 */
public final class LocalKafka implements AutoCloseable {

    /**
     * @param flushEveryMessage a single broker acknowledges before its disk has the data; flushing per message closes
     *                          that window for the platform (architecture.md section 2); tests may skip it for speed
     * @param saslPort          0 for none; else a second listener there that authenticates with SASL/SCRAM-SHA-512 and is
     *                          subject to ACLs, as the broker of docker-compose.yml is. The plaintext loopback listener stays,
     *                          for the one who administers users and ACLs
     */
    public record Settings(Path dataDir, int port, int controllerPort, String maxHeap, boolean flushEveryMessage, String logLevel,
                           int saslPort) {

        public Settings(Path dataDir, int port, int controllerPort, String maxHeap, boolean flushEveryMessage, String logLevel) {
            this(dataDir, port, controllerPort, maxHeap, flushEveryMessage, logLevel, 0);
        }

        public static Settings forTests(Path dataDir) {
            return new Settings(dataDir, Ports.free(), Ports.free(), "512m", false, "WARN");
        }

        public Settings withSasl(int saslPort) {
            return new Settings(dataDir, port, controllerPort, maxHeap, flushEveryMessage, logLevel, saslPort);
        }
    }

    private final Settings settings;
    private final Process process;
    private final ProcessHandle handle;

    private LocalKafka(Settings settings, Process process, ProcessHandle handle) {
        this.settings = settings;
        this.process = process;
        this.handle = handle;
    }

    public static LocalKafka start(Settings settings, RepositoryLayout layout, boolean detached, Path logFile) {
        if (Ports.inUse(settings.port())) {
            throw new IllegalStateException("Kafka port " + settings.port() + " is already in use; choose another with STORYLOOP_KAFKA_PORT");
        }
        if (Ports.inUse(settings.controllerPort())) {
            throw new IllegalStateException("Kafka controller port " + settings.controllerPort()
                    + " is already in use; choose another with STORYLOOP_KAFKA_CONTROLLER_PORT");
        }
        try {
            Files.createDirectories(settings.dataDir());
            Files.createDirectories(logFile.getParent());
            Path properties = writeServerProperties(settings);
            Path logConfig = writeLogConfig(settings);
            String classpath = layout.kafkaLibraries().toAbsolutePath() + File.separator + "*";
            if (!Files.exists(settings.dataDir().resolve("logs").resolve("meta.properties"))) {
                format(classpath, properties, logConfig, logFile);
            }
            List<String> command = new ArrayList<>();
            if (detached && new File("/usr/bin/setsid").canExecute()) {
                command.add("/usr/bin/setsid"); // its own session: Ctrl-C in the caller's terminal must not stop it
            }
            command.addAll(List.of(Java.executable(), "-Xms128m", "-Xmx" + settings.maxHeap(), "-XX:+UseG1GC",
                    "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath, "kafka.Kafka", properties.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalKafka kafka = new LocalKafka(settings, process, process.toHandle());
            kafka.awaitReady(Duration.ofSeconds(90), logFile);
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Kafka: " + e.getMessage(), e);
        }
    }

    private static void format(String classpath, Path properties, Path logConfig, Path logFile) throws IOException {
        Process format = new ProcessBuilder(Java.executable(), "-Xmx256m", "-Dlog4j2.configurationFile=" + logConfig,
                "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static Path writeServerProperties(Settings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + settings.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.port() + ",CONTROLLER://127.0.0.1:" + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (settings.saslPort() > 0) {
            p.setProperty("listeners", p.getProperty("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + settings.saslPort());
            p.setProperty("advertised.listeners", p.getProperty("advertised.listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + settings.saslPort());
            p.setProperty("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
            p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // the loopback plaintext and controller listeners authenticate nobody: only processes on this machine reach them
            p.setProperty("super.users", "User:ANONYMOUS");
            p.setProperty("allow.everyone.if.no.acl.found", "false");
        }
        p.setProperty("log.dirs", settings.dataDir().resolve("logs").toAbsolutePath().toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // events are kept forever so any consumer can replay (architecture.md section 2)
        p.setProperty("log.retention.ms", "-1");
        if (settings.flushEveryMessage()) {
            p.setProperty("log.flush.interval.messages", "1");
        }
        Path file = settings.dataDir().resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Storyloop single-node KRaft broker; written on every start");
        }
        return file;
    }

    private static Path writeLogConfig(Settings settings) throws IOException {
        Path file = settings.dataDir().resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = " + settings.logLevel(),
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                ""));
        return file;
    }

    private void awaitReady(Duration timeout, Path logFile) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!handle.isAlive()) {
                throw new IllegalStateException("Kafka exited during start; see " + logFile);
            }
            if (Ports.inUse(settings.port())) {
                try (Admin admin = Admin.create(config)) {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker accepts connections before it has a leader for its metadata; keep waiting
                }
            }
            Java.pause(Duration.ofMillis(200));
        }
        close();
        throw new IllegalStateException("Kafka did not become ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    /** The SASL/SCRAM listener, when {@link Settings#saslPort()} asked for one. */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + settings.saslPort();
    }

    public Settings settings() {
        return settings;
    }

    public long pid() {
        return handle.pid();
    }

    /** Stops the broker like an operator would (SIGTERM, then SIGKILL after a grace period). */
    @Override
    public void close() {
        ProcessHandles.terminate(handle, Duration.ofSeconds(20));
    }

    /** kill -9, for fault tests. */
    public void kill() {
        handle.destroyForcibly();
        handle.onExit().join();
    }

    public Process process() {
        return process;
    }
}
