package com.storyloop.console.clients;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.clients.application.CoverageHeatmap;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageHeatmapTest {

    static final Map<String, Object> BANK = Map.of("stories", List.of(
            Map.of("storyId", "s1", "title", "Rolled back a launch", "revision", 3, "retired", false),
            Map.of("storyId", "s2", "title", "Retired one", "revision", 1, "retired", true),
            Map.of("storyId", "s3", "title", "Halved costs", "revision", 2, "retired", false)));

    @Test
    void givenCoverageAndABank_whenDrawn_thenActiveStoriesAreColumnsAndEachCellSaysFitClaimAndVerdict() {
        Map<String, Object> coverage = Map.of(
                "findings", List.of("MISSING_LP:OWNERSHIP"),
                "principles", List.of(
                        Map.of("code", "CUSTOMER_OBSESSION", "bestStoryId", "s1", "stories", List.of(
                                Map.of("storyId", "s1", "claimed", true, "fit", 0.93, "verdict", "PASS", "overall", 81))),
                        Map.of("code", "OWNERSHIP", "stories", List.of())));

        CoverageHeatmap heatmap = CoverageHeatmap.of(coverage, BANK);

        assertThat(heatmap.columns()).extracting(CoverageHeatmap.Column::title).containsExactly("Rolled back a launch", "Halved costs");
        CoverageHeatmap.Row customer = heatmap.rows().get(0);
        assertThat(customer.name()).isEqualTo("Customer Obsession");
        assertThat(customer.isGap()).isFalse();
        CoverageHeatmap.Cell cell = customer.cells().get(0);
        assertThat(cell.fitText()).isEqualTo("fit 0.93");
        assertThat(cell.fitStep()).isEqualTo("fit4");
        assertThat(cell.claimed()).isTrue();
        assertThat(cell.verdict()).isEqualTo("PASS");
        assertThat(cell.best()).isTrue();
        assertThat(customer.cells().get(1)).as("no link between the principle and the second story").isNull();
    }

    @Test
    void givenFindings_whenDrawn_thenMissingAndIllusoryPrinciplesAreGapsWithTheirReason() {
        Map<String, Object> coverage = Map.of(
                "findings", List.of("MISSING_LP:OWNERSHIP", "ILLUSORY_COVERAGE:FRUGALITY"),
                "principles", List.of(Map.of("code", "OWNERSHIP", "stories", List.of()),
                        Map.of("code", "FRUGALITY", "stories", List.of(Map.of("storyId", "s3", "claimed", true, "fit", 0.1, "verdict", "FAIL", "overall", 30)))));

        CoverageHeatmap heatmap = CoverageHeatmap.of(coverage, BANK);

        assertThat(heatmap.rows()).extracting(CoverageHeatmap.Row::gapReason)
                .containsExactly("missing: no story", "claimed, not yet shown by a PASS story");
        assertThat(heatmap.gapCount()).isEqualTo(2);
        assertThat(heatmap.rows().get(1).cells().get(1).fitStep()).isEqualTo("fit0");
    }
}
