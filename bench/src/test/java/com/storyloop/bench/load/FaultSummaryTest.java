package com.storyloop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FaultSummaryTest {

    private static FaultSummary.Row row(String fault, long lost, long duplicated, boolean matches, long deadLettered, long expected) {
        return new FaultSummary.Row(fault, 1200, 1200, lost, duplicated, 14.2, 37, deadLettered, expected, matches, lost > 0 ? "s1 r3: accepted but not in the story store" : "");
    }

    @Test
    void givenFaultsThatLostNothing_whenSummarised_thenEveryRowPassesWithItsFigures() {
        List<FaultSummary.Row> rows = List.of(row("kill -9 Kafka broker", 0, 0, true, 0, 0), row("poison", 0, 0, true, 22, 22));

        String table = FaultSummary.table(rows);

        assertThat(FaultSummary.allPassed(rows)).isTrue();
        assertThat(table).contains("| kill -9 Kafka broker | 1,200 | 1,200 | 0 | 0 | 14.2 | 37 | - | yes | passed |")
                .contains("| poison | 1,200 | 1,200 | 0 | 0 | 14.2 | 37 | 22 of 22 | yes | passed |");
    }

    @Test
    void givenALostRevision_whenSummarised_thenTheRowFailsAndSaysWhich() {
        List<FaultSummary.Row> rows = List.of(row("restart PostgreSQL", 1, 0, true, 0, 0));

        assertThat(FaultSummary.allPassed(rows)).isFalse();
        assertThat(FaultSummary.table(rows)).contains("**failed**: s1 r3: accepted but not in the story store");
    }

    @Test
    void givenAPoisonRecordMissingFromItsDeadLetterTopic_whenSummarised_thenTheRowFails() {
        assertThat(FaultSummary.allPassed(List.of(row("poison", 0, 0, true, 21, 22)))).isFalse();
    }

    @Test
    void givenViewsThatDifferFromARebuild_whenSummarised_thenTheRowFails() {
        List<FaultSummary.Row> rows = List.of(row("kill -9 coverage-service", 0, 0, false, 0, 0));

        assertThat(FaultSummary.allPassed(rows)).isFalse();
        assertThat(FaultSummary.table(rows)).contains("| **no** |");
    }

    @Test
    void givenNoFaultRan_whenSummarised_thenTheRunDoesNotPass() {
        assertThat(FaultSummary.allPassed(List.of())).isFalse();
    }
}
