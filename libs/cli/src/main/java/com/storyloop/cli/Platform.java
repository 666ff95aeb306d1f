package com.storyloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.runtime.LocalKafka;
import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.Ports;
import com.storyloop.runtime.ProcessHandles;
import com.storyloop.schemas.Topics;

/** `storyloop up | down | status | logs | reset`: the whole platform on one machine, no Docker. */
final class Platform {

    private final PlatformConfig config;
    private final PrintStream out;
    /** Whether the console seeds the demo organisation's users (on `up` without --no-demo). */
    private boolean demoUsers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Platform(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    void up(boolean withDemoData) {
        Instant started = Instant.now();
        for (PlatformConfig.Service service : config.services()) {
            if (!Files.isRegularFile(config.layout().serviceJar(service.name()))) {
                throw new CliException(service.name() + " is not built (" + config.layout().serviceJar(service.name())
                        + "); run ./storyloop build");
            }
        }
        demoUsers = withDemoData;
        // generated on the first `up`, before any service starts: the console signs with it, every service verifies with it
        DevelopmentSigningKey.loadOrCreate(config.home().resolve("keys"));
        startStopped();
        if (withDemoData) {
            new DemoData(config, out).load();
        }
        out.printf("%nStoryloop is up (%d s). Console: http://localhost:%d%n%n", Duration.between(started, Instant.now()).toSeconds(),
                config.service("console").port());
        printServiceMap();
        if (withDemoData) {
            printDemoUsers();
        }
        out.println("\nLogs: " + config.logs() + "   Stop: ./storyloop down   State: ./storyloop status");
    }

    /**
     * Starts whatever of the platform is not running and waits until every service is healthy: all of it on `up`, or a
     * component a fault test killed, as a supervisor would. Data and topics stay as they are.
     */
    void startStopped() {
        startPostgres();
        startKafka();
        createTopics();
        for (PlatformConfig.Service service : config.services()) {
            startService(service);
        }
        awaitHealthy(config.services(), Duration.ofSeconds(240));
    }

    /** PostgreSQL's fast shutdown and a start on the same data, with every service left running. */
    void restartPostgres() {
        stopPostgres();
        startPostgres();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing committed that was not already. */
    boolean kill(String component) {
        Optional<ProcessHandle> process = ProcessHandles.alive(config.pids().resolve(component + ".pid"));
        process.ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new CliException("Cannot kill " + component + ": " + e.getMessage(), e);
            }
        });
        return process.isPresent();
    }

    Optional<Long> pid(String component) {
        return ProcessHandles.alive(config.pids().resolve(component + ".pid")).map(ProcessHandle::pid);
    }

    private void startPostgres() {
        Path pid = config.pids().resolve("postgres.pid");
        if (ProcessHandles.alive(pid).isPresent() && Ports.inUse(config.postgresPort())) {
            out.println("PostgreSQL      already running on port " + config.postgresPort());
            return;
        }
        Path data = config.postgresData();
        out.print("PostgreSQL      starting on port " + config.postgresPort() + " (" + LocalPostgres.chooseBinaries().name().toLowerCase()
                + " binaries, data in " + data + ") ... ");
        LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.Settings(data, config.postgresPort(), true),
                config.logs().resolve("postgres.log"), true);
        ProcessHandles.writePid(pid, postgres.pid());
        postgres.ensureDatabase(PlatformConfig.DATABASE);
        out.println("ready");
    }

    private void startKafka() {
        Path pid = config.pids().resolve("kafka.pid");
        if (ProcessHandles.alive(pid).isPresent() && Ports.inUse(config.kafkaPort())) {
            out.println("Kafka           already running on port " + config.kafkaPort());
            return;
        }
        out.print("Kafka (KRaft)   starting on port " + config.kafkaPort() + " ... ");
        LocalKafka kafka = LocalKafka.start(new LocalKafka.Settings(config.kafkaData(), config.kafkaPort(), config.kafkaControllerPort(),
                "512m", true, "INFO"), config.layout(), true, config.logs().resolve("kafka.log"));
        ProcessHandles.writePid(pid, kafka.pid());
        out.println("ready");
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Topics.PARTITIONS, (short) 1).configs(Topics.CONFIG)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            out.println("Topics          " + String.join(", ", Topics.ALL) + " (" + Topics.PARTITIONS + " partitions, kept forever)");
        } catch (Exception e) {
            throw new CliException("Cannot create topics: " + e.getMessage(), e);
        }
    }

    private boolean startService(PlatformConfig.Service service) {
        Path pid = config.pids().resolve(service.name() + ".pid");
        if (ProcessHandles.alive(pid).isPresent()) {
            out.println(pad(service.name()) + " already running on port " + service.port());
            return false;
        }
        if (Ports.inUse(service.port())) {
            throw new CliException("Port " + service.port() + " for " + service.name() + " is taken by another program; set "
                    + "STORYLOOP_" + envName(service) + "_PORT to a free port");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.serviceJvmFlags());
        command.addAll(List.of("-jar", config.layout().serviceJar(service.name()).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Files.createDirectories(config.logs());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(config.logs().resolve(service.name() + ".log").toFile()));
            builder.environment().putAll(serviceEnvironment(service));
            Process process = builder.start();
            ProcessHandles.writePid(pid, process.pid());
            out.println(pad(service.name()) + " starting on port " + service.port());
            return true;
        } catch (IOException e) {
            throw new CliException("Cannot start " + service.name() + ": " + e.getMessage(), e);
        }
    }

    Map<String, String> serviceEnvironment(PlatformConfig.Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        env.put("SPRING_DATASOURCE_URL", config.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.SUPERUSER);
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        // the development signing key lives in $STORYLOOP_HOME/keys: the console signs with it, every service verifies with it
        env.put("STORYLOOP_HOME", config.home().toString());
        env.putAll(config.serviceSettings());
        if (service.name().equals("console")) {
            env.put("STORYLOOP_CONSOLE_DEMOUSERS", Boolean.toString(demoUsers));
        }
        for (PlatformConfig.Service other : config.services()) {
            env.put("STORYLOOP_" + envName(other) + "_URL", "http://127.0.0.1:" + other.port());
        }
        return env;
    }

    private static String envName(PlatformConfig.Service service) {
        return service.name().replace("-service", "").replace("practice-session", "practice").toUpperCase();
    }

    private void awaitHealthy(List<PlatformConfig.Service> services, Duration timeout) {
        out.print("Waiting for health ");
        Instant deadline = Instant.now().plus(timeout);
        List<PlatformConfig.Service> pending = new ArrayList<>(services);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            pending.removeIf(this::healthy);
            for (PlatformConfig.Service service : pending) {
                if (ProcessHandles.alive(config.pids().resolve(service.name() + ".pid")).isEmpty()) {
                    out.println();
                    throw new CliException(service.name() + " exited during start; last lines of " + logFile(service.name()) + ":\n"
                            + tail(logFile(service.name()), 30));
                }
            }
            if (!pending.isEmpty()) {
                out.print(".");
                pause(Duration.ofSeconds(1));
            }
        }
        out.println();
        if (!pending.isEmpty()) {
            throw new CliException("Not healthy after " + timeout.toSeconds() + " s: " + pending.stream().map(PlatformConfig.Service::name).toList()
                    + "; see " + config.logs());
        }
    }

    boolean healthy(PlatformConfig.Service service) {
        return health(service).map(body -> body.contains("\"UP\"")).orElse(false);
    }

    private Optional<String> health(PlatformConfig.Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.healthUrl())).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    void printServiceMap() {
        out.printf("%-26s %-7s %-9s %s%n", "component", "port", "state", "address");
        out.printf("%-26s %-7d %-9s %s%n", "postgresql", config.postgresPort(), state("postgres", config.postgresPort()), config.jdbcUrl());
        out.printf("%-26s %-7d %-9s %s%n", "kafka", config.kafkaPort(), state("kafka", config.kafkaPort()), config.kafkaBootstrap());
        for (PlatformConfig.Service service : config.services()) {
            String state = ProcessHandles.alive(config.pids().resolve(service.name() + ".pid")).isEmpty() ? "stopped"
                    : healthy(service) ? "healthy" : "starting";
            out.printf("%-26s %-7d %-9s http://localhost:%d%s%n", service.name(), service.port(), state, service.port(),
                    service.name().equals("console") ? "" : "  (metrics: /actuator/prometheus)");
        }
    }

    /** The demo users and the passwords the console generated for this installation (the file is readable by its owner only). */
    void printDemoUsers() {
        Path file = TokenCommand.demoUsersFile(config);
        if (!Files.isReadable(file)) {
            return;
        }
        out.println("\nDemo users (passwords from " + file + "; a token: ./storyloop token --user EMAIL)");
        try {
            Files.readAllLines(file).stream().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> out.println("  " + line));
        } catch (IOException e) {
            out.println("  (cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    private String state(String component, int port) {
        return ProcessHandles.alive(config.pids().resolve(component + ".pid")).isPresent() && Ports.inUse(port) ? "running" : "stopped";
    }

    void status() {
        printServiceMap();
    }

    void down() {
        List<PlatformConfig.Service> reversed = new ArrayList<>(config.services());
        java.util.Collections.reverse(reversed);
        for (PlatformConfig.Service service : reversed) {
            report(service.name(), ProcessHandles.stop(config.pids().resolve(service.name() + ".pid"), Duration.ofSeconds(20)));
        }
        report("kafka", ProcessHandles.stop(config.pids().resolve("kafka.pid"), Duration.ofSeconds(30)));
        report("postgresql", stopPostgres());
    }

    /** SIGINT is PostgreSQL's fast shutdown: clean, without waiting for idle sessions. */
    private boolean stopPostgres() {
        Path pidFile = config.pids().resolve("postgres.pid");
        Optional<ProcessHandle> postmaster = ProcessHandles.alive(pidFile);
        if (postmaster.isEmpty()) {
            return ProcessHandles.stop(pidFile, Duration.ofSeconds(1));
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).start().waitFor(10, TimeUnit.SECONDS);
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
        }
        ProcessHandles.stop(pidFile, Duration.ofSeconds(1));
        return true;
    }

    private void report(String component, boolean stopped) {
        out.println(pad(component) + (stopped ? " stopped" : " was not running"));
    }

    void logs(Optional<String> component, int lines) {
        if (component.isEmpty()) {
            try (Stream<Path> files = Files.list(config.logs())) {
                files.sorted(Comparator.naturalOrder()).forEach(f -> out.println(f + "  (" + f.toFile().length() / 1024 + " KiB)"));
            } catch (IOException e) {
                throw new CliException("No logs yet in " + config.logs());
            }
            out.println("Show one: ./storyloop logs SERVICE   (story, scoring, practice-session, coverage, console, kafka, postgres)");
            return;
        }
        String name = component.get();
        Path file = switch (name) {
            case "kafka", "postgres" -> config.logs().resolve(name + ".log");
            default -> logFile(config.service(name).name());
        };
        out.println(tail(file, lines));
    }

    private Path logFile(String service) {
        return config.logs().resolve(service + ".log");
    }

    void reset() {
        down();
        Path postgresData = config.postgresData();
        delete(config.home());
        delete(postgresData);
        // the server's log, when it had to live beside its data (LocalPostgres: a home the postgres user cannot reach)
        delete(postgresData.resolveSibling(postgresData.getFileName() + ".log"));
        out.println("Removed " + config.home() + (postgresData.startsWith(config.home()) ? "" : " and " + postgresData));
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new CliException("Cannot remove " + root + ": " + e.getMessage(), e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static String pad(String name) {
        return String.format("%-15s", name);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
