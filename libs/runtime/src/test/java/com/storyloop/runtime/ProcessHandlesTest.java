package com.storyloop.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** `down` stops what `up` started and nothing else, even when the recorded pid now belongs to another process. */
class ProcessHandlesTest {

    @TempDir
    Path pids;

    @Test
    void givenAProcessWeStarted_whenStopped_thenItIsStoppedAndItsPidFileRemoved() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Path pidFile = pids.resolve("sleeper.pid");
        ProcessHandles.writePid(pidFile, sleeper.pid());

        assertThat(ProcessHandles.alive(pidFile)).map(ProcessHandle::pid).contains(sleeper.pid());
        assertThat(ProcessHandles.stop(pidFile, Duration.ofSeconds(5))).isTrue();

        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void givenAPidNowUsedByAnotherProcess_whenStopped_thenThatProcessIsLeftAlone() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = pids.resolve("story-service.pid");
            // what `up` recorded for a process that has since gone, its pid reused by a process started later
            Files.writeString(pidFile, stranger.pid() + " " + (stranger.info().startInstant().orElseThrow().toEpochMilli() - 60_000));

            assertThat(ProcessHandles.alive(pidFile)).isEmpty();
            assertThat(ProcessHandles.stop(pidFile, Duration.ofSeconds(1))).as("nothing of ours was running").isFalse();

            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void givenAPidFileFromBeforeStartTimesWereRecorded_whenRead_thenThePidAloneIdentifiesTheProcess() throws Exception {
        Process old = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = pids.resolve("kafka.pid");
            Files.writeString(pidFile, Long.toString(old.pid()));

            assertThat(ProcessHandles.alive(pidFile)).map(ProcessHandle::pid).contains(old.pid());
        } finally {
            old.destroyForcibly();
        }
    }
}
