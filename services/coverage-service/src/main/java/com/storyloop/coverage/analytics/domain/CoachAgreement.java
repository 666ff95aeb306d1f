package com.storyloop.coverage.analytics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calibration: how closely coaches agree with the engine on the same revision, per dimension (mean absolute difference,
 * share exactly equal, share within one point) and on the verdict. Only dimensions both scored count. Pure.
 */
public final class CoachAgreement {

    /** A coach's scores next to the engine's for the same story revision. */
    public record Comparison(Map<String, Integer> coach, Map<String, Integer> engine, String coachVerdict, String engineVerdict) {
    }

    public record DimensionAgreement(String dimension, int pairs, double meanAbsoluteDifference, double exactShare, double withinOneShare) {
    }

    public record Report(int comparisons, Double verdictAgreement, List<DimensionAgreement> dimensions) {
    }

    private CoachAgreement() {
    }

    public static Report of(List<Comparison> comparisons) {
        TreeMap<String, int[]> byDimension = new TreeMap<>(); // pairs, sum |diff|, exact, within one
        int sameVerdict = 0;
        for (Comparison c : comparisons) {
            if (c.coachVerdict().equals(c.engineVerdict())) {
                sameVerdict++;
            }
            for (Map.Entry<String, Integer> coach : c.coach().entrySet()) {
                Integer engine = c.engine().get(coach.getKey());
                if (engine != null) {
                    int diff = Math.abs(coach.getValue() - engine);
                    int[] acc = byDimension.computeIfAbsent(coach.getKey(), k -> new int[4]);
                    acc[0]++;
                    acc[1] += diff;
                    acc[2] += diff == 0 ? 1 : 0;
                    acc[3] += diff <= 1 ? 1 : 0;
                }
            }
        }
        List<DimensionAgreement> dimensions = new ArrayList<>();
        byDimension.forEach((dimension, acc) -> dimensions.add(new DimensionAgreement(dimension, acc[0], round((double) acc[1] / acc[0]),
                round((double) acc[2] / acc[0]), round((double) acc[3] / acc[0]))));
        return new Report(comparisons.size(), comparisons.isEmpty() ? null : round((double) sameVerdict / comparisons.size()), List.copyOf(dimensions));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
