package com.storyloop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
        Map<String, String> env = freePorts(home);
        // every browser test signs in from this one address: more than the 10 anonymous writes a minute one address may send
        env.put(PlatformConfig.SERVICE_SETTING_PREFIX + "ANONYMOUSWRITESPERMINUTE", "600");
        PlatformConfig config = PlatformConfig.fromEnvironment(env);
        Platform platform = new Platform(config, progress);
        try {
            platform.up(true);
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

    @Override
    public void close() {
        platform.down();
    }
}
