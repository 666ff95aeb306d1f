package com.storyloop.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pid files for processes we start detached, so `storyloop down` stops exactly what `up` started. A pid file also records
 * when its process started: after a reboot or a crash the pid may belong to some other process by now, which must never
 * be taken for ours and stopped.
 */
public final class ProcessHandles {

    private ProcessHandles() {
    }

    public static void writePid(Path pidFile, long pid) {
        Optional<Instant> started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + started.map(at -> " " + at.toEpochMilli()).orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + pidFile, e);
        }
    }

    /** The process the pid file names, if it is still running and is the very process that was recorded. */
    public static Optional<ProcessHandle> alive(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] recorded = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(recorded[0]);
            Optional<Long> startedAt = recorded.length > 1 ? Optional.of(Long.parseLong(recorded[1])) : Optional.empty();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> startedAt.isEmpty()
                    || p.info().startInstant().map(at -> at.toEpochMilli() == startedAt.get()).orElse(true));
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
