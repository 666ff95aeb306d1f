package com.storyloop.console.clients;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.clients.application.ClientProgress;
import com.storyloop.console.web.LineChart;

import static org.assertj.core.api.Assertions.assertThat;

class ClientProgressTest {

    static Map<String, Object> point(String at, String kind, Integer readiness, Integer atPass, Integer rating) {
        Map<String, Object> point = new HashMap<>();
        point.put("at", at);
        point.put("kind", kind);
        point.put("readiness", readiness);
        point.put("storiesAtPass", atPass);
        point.put("ratingScore", rating);
        return point;
    }

    @Test
    void givenReadinessAndPracticePoints_whenCharted_thenEachSeriesHasItsValuesAndTheInterviewIsMarkedInTimeOrder() {
        Map<String, Object> timeline = Map.of("interviewDate", "2026-12-08", "points", List.of(
                point("2026-11-20T10:00:00Z", "READINESS", 10, 1, null),
                point("2026-11-21T10:00:00Z", "PRACTICE", null, null, 3),
                point("2026-12-10T10:00:00Z", "READINESS", 55, 4, null)));

        LineChart chart = ClientProgress.chart("c", timeline);

        assertThat(chart.labels()).containsExactly("2026-11-20 10:00", "2026-11-21 10:00", "2026-12-08 interview", "2026-12-10 10:00");
        assertThat(chart.marker()).isEqualTo(2);
        assertThat(chart.series().get(0).values()).containsExactly(10, null, null, 55);
        assertThat(chart.series().get(2).values()).containsExactly(null, 3, null, null);
        assertThat(chart.rows().get(1)).containsExactly("2026-11-21 10:00", "", "", "3");
    }

    @Test
    void givenNoInterviewDate_whenCharted_thenNothingIsMarked() {
        LineChart chart = ClientProgress.chart("c", Map.of("points", List.of(point("2026-11-20T10:00:00Z", "READINESS", 10, 1, null))));

        assertThat(chart.marker()).isNull();
        assertThat(chart.labels()).hasSize(1);
    }
}
