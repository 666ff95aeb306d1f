package com.storyloop.console.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTest {

    @Test
    void givenLabelsThatLookLikeMarkup_whenEmbedded_thenTheyCannotCloseTheScriptElement() {
        LineChart chart = LineChart.of("c", "t", List.of("</script><script>alert(1)</script>"),
                List.of(new LineChart.Series("s", List.of(1), "y", false, false)), "x", "y", 0, 10);

        assertThat(chart.json()).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e");
    }

    @Test
    void givenGaps_whenShownAsATable_thenGapsAreBlankCells() {
        LineChart chart = LineChart.of("c", "t", List.of("r1", "r2"),
                List.of(new LineChart.Series("overall", Arrays.asList(40, null), "y", true, false)), "revision", "score", 0, 100);

        assertThat(chart.rows()).containsExactly(List.of("r1", "40"), List.of("r2", ""));
    }
}
