package com.storyloop.console.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.storyloop.cli.RunningPlatform;

/**
 * One platform for every browser test of this JVM, started as `./storyloop up` starts it (demo data included) and stopped
 * when the JVM ends. Its start-up output goes to target/e2e-platform.log rather than the test report.
 */
final class PlatformUnderTest {

    private static RunningPlatform platform;

    private PlatformUnderTest() {
    }

    static synchronized RunningPlatform get() {
        if (platform == null) {
            try {
                Path home = Files.createTempDirectory("storyloop-e2e-");
                // PostgreSQL runs as its own user when the tests run as root: it must be able to enter the folder
                home.toFile().setExecutable(true, false);
                Path log = Path.of("target", "e2e-platform.log");
                Files.createDirectories(log.getParent());
                PrintStream progress = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
                platform = RunningPlatform.startOnFreePorts(home, progress);
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-e2e-platform"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }
}
