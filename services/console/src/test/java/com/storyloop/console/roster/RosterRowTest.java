package com.storyloop.console.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.roster.application.RosterRow;

import static org.assertj.core.api.Assertions.assertThat;

class RosterRowTest {

    static final Map<String, Object> CLIENT = Map.of("clientId", "ada", "coachId", "coach-grace", "targetRole", "PM", "targetLevel", "L6",
            "interviewDate", "2026-12-08");

    @Test
    void givenAClientAndTheirTimeline_whenShownOnTheRoster_thenTheLatestReadinessAndDaysLeftAreUsed() {
        Map<String, Object> timeline = Map.of("points", List.of(
                Map.of("kind", "READINESS", "readiness", 20, "storiesAtPass", 1, "activeStories", 5),
                Map.of("kind", "READINESS", "readiness", 45, "storiesAtPass", 3, "activeStories", 6),
                Map.of("kind", "PRACTICE", "ratingScore", 3)));

        RosterRow row = RosterRow.of(CLIENT, timeline, LocalDate.parse("2026-11-26"));

        assertThat(row.readiness()).isEqualTo(45);
        assertThat(row.storiesAtPass()).isEqualTo(3);
        assertThat(row.activeStories()).isEqualTo(6);
        assertThat(row.interviewWhen()).isEqualTo("in 12 days");
    }

    @Test
    void givenNothingScoredAndNoDate_whenShown_thenTheRowSaysSo() {
        RosterRow row = RosterRow.of(Map.of("clientId", "alan"), Map.of("points", List.of()), LocalDate.parse("2026-11-26"));

        assertThat(row.readiness()).isNull();
        assertThat(row.interviewWhen()).isEqualTo("not set");
    }
}
