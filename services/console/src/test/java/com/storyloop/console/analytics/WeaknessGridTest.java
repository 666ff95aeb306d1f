package com.storyloop.console.analytics;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.analytics.application.WeaknessGrid;

import static org.assertj.core.api.Assertions.assertThat;

class WeaknessGridTest {

    @Test
    void givenHeatmapCells_whenGridded_thenAllSixteenPrinciplesAreRowsAndEachCellPrintsItsMean() {
        WeaknessGrid grid = WeaknessGrid.of(List.of(
                Map.of("principle", "FRUGALITY", "dimension", "AGENCY", "stories", 2, "meanScore", 1.0),
                Map.of("principle", "FRUGALITY", "dimension", "RESULT", "stories", 2, "meanScore", 4.5)));

        assertThat(grid.rows()).hasSize(16);
        assertThat(grid.dimensions()).containsExactly("AGENCY", "RESULT");
        WeaknessGrid.Row frugality = grid.rows().stream().filter(r -> r.principle().equals("FRUGALITY")).findFirst().orElseThrow();
        assertThat(frugality.cells()).extracting(WeaknessGrid.Cell::text).containsExactly("1.0", "4.5");
        assertThat(frugality.cells()).extracting(WeaknessGrid.Cell::weaknessStep).containsExactly("weak3", "weak0");
        assertThat(grid.rows().get(0).cells().get(0).text()).as("no story for Customer Obsession").isEqualTo("-");
    }
}
