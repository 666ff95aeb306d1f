package com.storyloop.coverage.analytics.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the active stories' claims and dimension scores, when the heatmap is folded, then the weak cells show. */
class WeaknessHeatmapTest {

    @Test
    void eachClaimedPrincipleGetsTheMeanOfItsStoriesDimensions() {
        List<WeaknessHeatmap.Cell> cells = WeaknessHeatmap.of(List.of(
                new WeaknessHeatmap.StoryDimensions(Set.of("FRUGALITY", "OWNERSHIP"), Map.of("RESULT", 1, "AGENCY", 4)),
                new WeaknessHeatmap.StoryDimensions(Set.of("FRUGALITY"), Map.of("RESULT", 2))));

        assertThat(cells).containsExactly(
                new WeaknessHeatmap.Cell("FRUGALITY", "AGENCY", 1, 4.0, 1.0),
                new WeaknessHeatmap.Cell("FRUGALITY", "RESULT", 2, 1.5, 3.5),
                new WeaknessHeatmap.Cell("OWNERSHIP", "AGENCY", 1, 4.0, 1.0),
                new WeaknessHeatmap.Cell("OWNERSHIP", "RESULT", 1, 1.0, 4.0));
    }
}
