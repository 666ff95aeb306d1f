package com.storyloop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryloopCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Storyloop.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutACommandItPrintsUsageAndFails() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("up [--no-demo]").contains("republish SERVICE --from N");
    }

    @Test
    void anUnknownCommandIsNamed() {
        assertThat(run("launch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: launch");
    }

    @Test
    void republishNeedsAServiceAndAPosition() {
        assertThat(run("republish", "story")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: storyloop republish SERVICE --from POSITION");
        assertThat(run("republish", "story", "--from", "ten")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from takes an event position");
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> PlatformConfig.fromEnvironment(Map.of("STORYLOOP_PG_PORT", "fifteen")))
                .hasMessage("STORYLOOP_PG_PORT=fifteen is not a port number (1-65535)");
        assertThatThrownBy(() -> PlatformConfig.fromEnvironment(Map.of("STORYLOOP_KAFKA_PORT", "70000")))
                .hasMessageContaining("STORYLOOP_KAFKA_PORT=70000");
    }

    @Test
    void servicesAreFoundByShortOrFullName() {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of());
        assertThat(config.service("story").name()).isEqualTo("story-service");
        assertThat(config.service("console").port()).isEqualTo(8080);
        assertThatThrownBy(() -> config.service("billing")).hasMessageContaining("Unknown service billing");
    }
}
