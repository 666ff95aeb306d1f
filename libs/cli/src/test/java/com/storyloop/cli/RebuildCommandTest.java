package com.storyloop.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildCommandTest {

    private static final String HALF_WAY = "{\"projection\":\"coverage-principles\",\"state\":\"CATCHING_UP\",\"topics\":[\"story.events\"],"
            + "\"tables\":[\"coverage_story\"],\"startedAt\":\"2026-11-25T20:00:00Z\",\"finishedAt\":null,\"eventsRead\":500000,"
            + "\"eventsTotal\":1000000,\"eventsApplied\":499000,\"eventsPerSecond\":41234.5,\"etaSeconds\":13,\"switchPauseMillis\":null,"
            + "\"error\":null}";

    @Test
    void theProgressBarShowsShareReadRateAndEta() {
        assertThat(RebuildCommand.bar(HALF_WAY))
                .startsWith("[###############...............]  50% 500,000/1,000,000 events 41,235/s CATCHING_UP ETA 13s");
    }

    @Test
    void fieldsAreReadFromTheProgressDocument() {
        assertThat(RebuildCommand.field(HALF_WAY, "state")).isEqualTo("CATCHING_UP");
        assertThat(RebuildCommand.field(HALF_WAY, "error")).isNull();
        assertThat(RebuildCommand.number(HALF_WAY, "eventsTotal")).isEqualTo(1_000_000);
        assertThat(RebuildCommand.field("{\"detail\":\"A rebuild of \\\"x\\\" is already running\"}", "detail"))
                .isEqualTo("A rebuild of \\\"x\\\" is already running");
    }
}
