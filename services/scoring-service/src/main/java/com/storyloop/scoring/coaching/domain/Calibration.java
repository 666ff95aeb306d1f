package com.storyloop.scoring.coaching.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;

/** Agreement between coaches and the engine, computed from pairs of scores of the same revision and rubric version. */
public final class Calibration {

    /** A coach's score next to the engine's scorecard of the same revision under the same rubric version. */
    public record Comparison(CoachScore coach, EngineScore engine) {
    }

    private Calibration() {
    }

    public static CalibrationReport of(List<Comparison> comparisons) {
        Set<String> coaches = new HashSet<>();
        comparisons.forEach(c -> coaches.add(c.coach().coachId()));

        List<CalibrationReport.DimensionAgreement> dimensions = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            int n = 0;
            int exact = 0;
            int withinOne = 0;
            long absolute = 0;
            long coachSum = 0;
            long engineSum = 0;
            for (Comparison c : comparisons) {
                Integer coach = c.coach().dimensions().get(dimension);
                Integer engine = c.engine().dimensions().get(dimension);
                if (coach == null || engine == null) {
                    continue;
                }
                int difference = Math.abs(coach - engine);
                n++;
                absolute += difference;
                exact += difference == 0 ? 1 : 0;
                withinOne += difference <= 1 ? 1 : 0;
                coachSum += coach;
                engineSum += engine;
            }
            dimensions.add(new CalibrationReport.DimensionAgreement(dimension, n, ratio(absolute, n), ratio(exact, n), ratio(withinOne, n),
                    ratio(coachSum, n), ratio(engineSum, n)));
        }

        List<CalibrationReport.FlagAgreement> flags = new ArrayList<>();
        for (FlagCode flag : FlagCode.values()) {
            int both = 0;
            int onlyCoach = 0;
            int onlyEngine = 0;
            int neither = 0;
            for (Comparison c : comparisons) {
                boolean byCoach = c.coach().flags().contains(flag);
                boolean byEngine = c.engine().flags().contains(flag);
                if (byCoach && byEngine) {
                    both++;
                } else if (byCoach) {
                    onlyCoach++;
                } else if (byEngine) {
                    onlyEngine++;
                } else {
                    neither++;
                }
            }
            flags.add(new CalibrationReport.FlagAgreement(flag, both, onlyCoach, onlyEngine, neither, ratio(both + neither, comparisons.size())));
        }

        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (Verdict coach : Verdict.values()) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (Verdict engine : Verdict.values()) {
                row.put(engine.name(), 0);
            }
            confusion.put(coach.name(), row);
        }
        int agreed = 0;
        for (Comparison c : comparisons) {
            confusion.get(c.coach().verdict().name()).merge(c.engine().verdict().name(), 1, Integer::sum);
            agreed += c.coach().verdict() == c.engine().verdict() ? 1 : 0;
        }
        CalibrationReport.VerdictAgreement verdict = new CalibrationReport.VerdictAgreement(comparisons.size(), agreed,
                ratio(agreed, comparisons.size()), confusion);
        return new CalibrationReport(comparisons.size(), coaches.size(), dimensions, flags, verdict);
    }

    /** Rounded to three decimals; null over nothing. */
    private static Double ratio(long part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
