package com.storyloop.bench.load;

import java.util.List;
import java.util.Locale;

/** The fault run's summary: one row per fault, and whether the run as a whole passed. */
public final class FaultSummary {

    /**
     * @param recoverySeconds from the fault until every revision accepted so far was scored and in coverage
     * @param deadLettered    poison records found in their dead-letter topics with a reason, of those expected (-1: not a poison fault)
     * @param matchesRebuild  whether coverage and timelines read the same before and after a rebuild from the topics
     */
    public record Row(String fault, long accepted, long scored, long lost, long duplicated, double recoverySeconds, long refusedWrites,
                      long deadLettered, long deadLettersExpected, boolean matchesRebuild, String note) {
        public boolean passed() {
            return lost == 0 && duplicated == 0 && matchesRebuild && deadLettered == deadLettersExpected;
        }
    }

    private FaultSummary() {
    }

    public static String table(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| fault | accepted | scored | lost | duplicated | recovery s | writes refused during the fault | poison in DLQ with reason "
                + "| views equal a rebuild | |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %d | %.1f | %,d | %s | %s | %s |%n", row.fault(), row.accepted(), row.scored(), row.lost(),
                    row.duplicated(), row.recoverySeconds(), row.refusedWrites(),
                    row.deadLettersExpected() == 0 ? "-" : row.deadLettered() + " of " + row.deadLettersExpected(), row.matchesRebuild() ? "yes" : "**no**",
                    row.passed() ? "passed" : "**failed**" + (row.note().isBlank() ? "" : ": " + row.note())));
        }
        return md.toString();
    }

    public static boolean allPassed(List<Row> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(Row::passed);
    }
}
