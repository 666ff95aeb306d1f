package com.storyloop.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server on loopback: the system's binaries where installed (fast, ~1.5 s), otherwise the
 * binaries that ship inside a Maven artifact (Zonky), so a machine with only a JDK still gets a real database.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    public enum Binaries { SYSTEM, EMBEDDED }

    /** @param durable false for tests: fsync off trades crash safety nobody needs there for speed */
    public record Settings(Path dataDir, int port, boolean durable) {
    }

    private final Settings settings;
    private final Binaries binaries;
    private final Runnable stopper;
    private final long pid;

    private LocalPostgres(Settings settings, Binaries binaries, Runnable stopper, long pid) {
        this.settings = settings;
        this.binaries = binaries;
        this.stopper = stopper;
        this.pid = pid;
    }

    /** Which binaries to use: STORYLOOP_POSTGRES=system|embedded forces one; by default the system's if present. */
    public static Binaries chooseBinaries() {
        String forced = System.getenv().getOrDefault("STORYLOOP_POSTGRES", "auto");
        return switch (forced) {
            case "system" -> {
                if (systemBinaries().isEmpty()) {
                    throw new IllegalStateException("STORYLOOP_POSTGRES=system but no initdb/pg_ctl found under /usr/lib/postgresql or on PATH");
                }
                yield Binaries.SYSTEM;
            }
            case "embedded" -> Binaries.EMBEDDED;
            default -> systemBinaries().isPresent() ? Binaries.SYSTEM : Binaries.EMBEDDED;
        };
    }

    static Optional<Path> systemBinaries() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                Optional<Path> newest = dirs.map(d -> d.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparing(LocalPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path bin = Path.of(dir);
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
                return Optional.of(bin);
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * PostgreSQL refuses to run as root; as root we run it as the `postgres` user, which must be able to reach the data
     * folder. Private homes (/root) are not traversable, so callers pick a data folder through this check.
     */
    public static boolean reachableByServerUser(Path dir) {
        if (!runningAsRoot() || chooseBinaries() == Binaries.EMBEDDED) {
            return true;
        }
        Path probe = dir.toAbsolutePath();
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe == null) {
            return false;
        }
        return exec(List.of("runuser", "-u", SUPERUSER, "--", "test", "-x", probe.toString()), Duration.ofSeconds(10)) == 0;
    }

    /**
     * Where the server (running as the postgres user) can write its log: {@code logFile} when it can reach that folder,
     * else beside the data folder (which it can reach), with {@code logFile} made a link to it so the log is still found
     * where the caller looks (a home created owner-only, e.g. by mktemp -d, is not traversable by postgres).
     */
    private static Path serverUserLog(Path data, Path logFile) throws IOException {
        if (reachableByServerUser(logFile.toAbsolutePath().getParent())) {
            return logFile;
        }
        Path beside = data.resolveSibling(data.getFileName() + ".log");
        Files.deleteIfExists(logFile);
        Files.createSymbolicLink(logFile, beside);
        return beside;
    }

    public static LocalPostgres start(Settings settings, Path logFile, boolean detached) {
        return start(settings, logFile, detached, chooseBinaries());
    }

    public static LocalPostgres start(Settings settings, Path logFile, boolean detached, Binaries binaries) {
        if (Ports.inUse(settings.port())) {
            throw new IllegalStateException("PostgreSQL port " + settings.port() + " is already in use; choose another with STORYLOOP_PG_PORT");
        }
        try {
            Files.createDirectories(logFile.getParent());
            return binaries == Binaries.SYSTEM
                    ? startSystem(settings, logFile)
                    : detached ? startEmbeddedHost(settings, logFile) : startEmbeddedInProcess(settings);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static LocalPostgres startSystem(Settings settings, Path logFile) throws IOException {
        Path bin = systemBinaries().orElseThrow();
        Path data = settings.dataDir().toAbsolutePath();
        boolean root = runningAsRoot();
        Files.createDirectories(data);
        Path serverLog = logFile;
        if (root) {
            if (!reachableByServerUser(data)) {
                throw new IllegalStateException("The postgres user cannot reach " + data
                        + " (a private home folder?); set STORYLOOP_DATA to a folder outside it, e.g. /var/tmp/storyloop");
            }
            requireSuccess(List.of("chown", "-R", SUPERUSER + ":" + SUPERUSER, data.toString()), "chown of the data folder");
            serverLog = serverUserLog(data, logFile);
            if (!Files.exists(serverLog)) {
                Files.createFile(serverLog);
            }
            requireSuccess(List.of("chown", SUPERUSER, serverLog.toString()), "chown of the log file");
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            requireSuccess(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions")), "initdb");
        }
        List<String> options = new ArrayList<>(List.of("-p " + settings.port(), "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''", "-c max_connections=300", "-c shared_buffers=128MB",
                // commit times of rows (pg_xact_commit_timestamp): lag from a write to its effects, on the database's one clock
                "-c track_commit_timestamp=on"));
        if (!settings.durable()) {
            options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
        }
        requireSuccess(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", serverLog.toString(),
                "-w", "-t", "60", "-o", String.join(" ", options), "start")), "pg_ctl start (see " + logFile + ")");
        long pid = postmasterPid(data);
        Runnable stop = () -> exec(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop")),
                Duration.ofSeconds(60));
        LocalPostgres postgres = new LocalPostgres(settings, Binaries.SYSTEM, stop, pid);
        postgres.awaitReady(Duration.ofSeconds(30));
        return postgres;
    }

    private static LocalPostgres startEmbeddedInProcess(Settings settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir().toFile())
                .setCleanDataDirectory(false)
                .setPort(settings.port())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("track_commit_timestamp", "on");
        if (!settings.durable()) {
            builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
        }
        EmbeddedPostgres embedded = builder.start();
        LocalPostgres postgres = new LocalPostgres(settings, Binaries.EMBEDDED, () -> {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, postmasterPid(settings.dataDir()));
        postgres.awaitReady(Duration.ofSeconds(30));
        return postgres;
    }

    /** Detached embedded mode: a small JVM keeps the embedded server alive after the launcher exits. */
    private static LocalPostgres startEmbeddedHost(Settings settings, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(Java.executable(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresHost.class.getName(), settings.dataDir().toAbsolutePath().toString(),
                Integer.toString(settings.port()), Boolean.toString(settings.durable())));
        Process host = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        ProcessHandle handle = host.toHandle();
        LocalPostgres postgres = new LocalPostgres(settings, Binaries.EMBEDDED,
                () -> ProcessHandles.terminate(handle, Duration.ofSeconds(30)), handle.pid());
        postgres.awaitReady(Duration.ofSeconds(120));
        return postgres;
    }

    private static long postmasterPid(Path data) {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SUPERUSER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void requireSuccess(List<String> command, String what) {
        int exit = exec(command, Duration.ofSeconds(120));
        if (exit != 0) {
            throw new IllegalStateException(what + " failed with exit code " + exit + ": " + String.join(" ", command));
        }
    }

    private static int exec(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                Java.pause(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout.toSeconds() + " s", last);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    /** Creates the database if it does not exist; harmless to call on every start. */
    public void ensureDatabase(String database) {
        try (Connection connection = connect("postgres");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + database;
    }

    public int port() {
        return settings.port();
    }

    public Binaries binaries() {
        return binaries;
    }

    /** The postmaster's pid (system binaries) or the host JVM's (detached embedded). */
    public long pid() {
        return pid;
    }

    @Override
    public void close() {
        stopper.run();
    }
}
