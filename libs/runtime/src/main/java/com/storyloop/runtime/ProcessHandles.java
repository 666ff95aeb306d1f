package com.storyloop.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Pid files for processes we start detached, so `storyloop down` stops exactly what `up` started. */
public final class ProcessHandles {

    private ProcessHandles() {
    }

    public static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + pidFile, e);
        }
    }

    public static Optional<ProcessHandle> alive(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; returns true when something was stopped. */
    public static boolean stop(Path pidFile, Duration grace) {
        Optional<ProcessHandle> process = alive(pidFile);
        process.ifPresent(p -> terminate(p, grace));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: alive() checks the process
        }
        return process.isPresent();
    }

    public static void terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            process.destroyForcibly();
        }
    }
}
