package com.storyloop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.Ports;

/**
 * The whole platform as `storyloop up` runs it (PostgreSQL, Kafka, every service, the console, demo data), on free ports
 * and a data folder of the caller's, for tests that need all of it at once (the console's browser tests). Closing it
 * stops everything it started.
 */
public final class RunningPlatform implements AutoCloseable {

    private final PlatformConfig config;
    private final Platform platform;

    private RunningPlatform(PlatformConfig config, Platform platform) {
        this.config = config;
        this.platform = platform;
    }

    public static RunningPlatform startOnFreePorts(Path home, PrintStream progress) {
        // every browser test signs in from this one address: more than the 10 anonymous writes a minute one address may send
        return startOnFreePorts(home, progress, Map.of(PlatformConfig.SERVICE_SETTING_PREFIX + "ANONYMOUSWRITESPERMINUTE", "600"), true);
    }

    /**
     * @param settings as `storyloop up` reads them from its environment, e.g. {@code STORYLOOP_SERVICE_JAVA_OPTS} or
     *                 {@code STORYLOOP_WEB_LIMITS_WRITESPERMINUTE}
     */
    public static RunningPlatform startOnFreePorts(Path home, PrintStream progress, Map<String, String> settings, boolean demoData) {
        Map<String, String> env = freePorts(home);
        env.putAll(settings);
        PlatformConfig config = PlatformConfig.fromEnvironment(env);
        Platform platform = new Platform(config, progress);
        try {
            platform.up(demoData);
        } catch (RuntimeException e) {
            platform.down();
            throw e;
        }
        return new RunningPlatform(config, platform);
    }

    /** STORYLOOP_HOME and a free port for every component, as a test passes them to {@link PlatformConfig#fromEnvironment}. */
    static Map<String, String> freePorts(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("STORYLOOP_HOME", home.toString());
        for (String name : new String[] {"PG", "KAFKA", "KAFKA_CONTROLLER", "STORY", "SCORING", "PRACTICE", "COVERAGE", "CONSOLE"}) {
            env.put("STORYLOOP_" + name + "_PORT", Integer.toString(Ports.free()));
        }
        return env;
    }

    public String consoleUrl() {
        return "http://localhost:" + config.service("console").port();
    }

    /** e.g. {@code serviceUrl("story-service")} */
    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + config.service(service).port();
    }

    /** The password `up` generated for a demo user. */
    public String demoPassword(String email) {
        return new TokenCommand(config).demoPassword(email).orElseThrow(() -> new IllegalArgumentException("no demo user " + email));
    }

    /** A bearer token for a demo user, signed in through the console. */
    public String tokenFor(String email) {
        return TokenCommand.tokenFor(config, email);
    }

    public String jdbcUrl() {
        return config.jdbcUrl();
    }

    public int postgresPort() {
        return config.postgresPort();
    }

    /** The database every service's schema lives in. */
    public String databaseName() {
        return PlatformConfig.DATABASE;
    }

    /** The database user every service connects as (no password on the local platform). */
    public String databaseUser() {
        return LocalPostgres.SUPERUSER;
    }

    public String kafkaBootstrap() {
        return config.kafkaBootstrap();
    }

    /** The development signing key's folder: every service trusts tokens signed with it. */
    public Path keys() {
        return config.home().resolve("keys");
    }

    /** The services' names, in start order (story-service ... console). */
    public List<String> services() {
        return config.services().stream().map(PlatformConfig.Service::name).toList();
    }

    /** The services' JVM flags this platform runs them with. */
    public List<String> serviceJvmFlags() {
        return config.serviceJvmFlags();
    }

    /** The pid of "postgres", "kafka" or a service, while it runs. */
    public Optional<Long> pid(String component) {
        return platform.pid(component);
    }

    /** kill -9 of "postgres", "kafka" or a service; returns false when it was not running. */
    public boolean kill(String component) {
        return platform.kill(component);
    }

    /** Starts what is not running, as a supervisor restarts a crashed process, and waits until every service is healthy. */
    public void startStopped() {
        platform.startStopped();
    }

    /** PostgreSQL's fast shutdown and a start on the same data, every service left running. */
    public void restartPostgres() {
        platform.restartPostgres();
    }

    /**
     * Rebuilds a projection, or every rebuildable one of a service ("coverage"), as `storyloop rebuild` does, printing its
     * progress bar to {@code out}; returns each one's final progress (JSON).
     */
    public List<String> rebuild(String name, PrintStream out) {
        return new RebuildCommand(config, out, java.time.Duration.ofMillis(250)).rebuild(name);
    }

    private Thread stopOnExit;

    /** Also stops everything when this JVM ends another way (Ctrl-C during a long benchmark): nothing is left running. */
    public RunningPlatform stopOnExit() {
        stopOnExit = new Thread(platform::down, "storyloop-platform-down");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        return this;
    }

    @Override
    public void close() {
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook stops everything
            }
        }
        platform.down();
    }
}
