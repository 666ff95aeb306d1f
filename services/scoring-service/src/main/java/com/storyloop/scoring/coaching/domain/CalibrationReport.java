package com.storyloop.scoring.coaching.domain;

import java.util.List;
import java.util.Map;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;

/**
 * How far coaches and the engine agree, over {@code comparisons} pairs of (a coach's latest score of a revision, the
 * engine's scorecard of the same revision under the same rubric version). Rates are shares from 0 to 1; a figure over
 * no pairs is null.
 */
public record CalibrationReport(int comparisons, int coaches, List<DimensionAgreement> dimensions, List<FlagAgreement> flags,
                                VerdictAgreement verdict) {

    /**
     * @param compared                pairs in which the coach scored this dimension
     * @param meanAbsoluteDifference  mean of |coach - engine|
     * @param exactAgreement          share of pairs with the same score
     * @param withinOneAgreement      share of pairs at most one point apart
     * @param meanCoach,meanEngine    the average scores (their difference is the bias)
     */
    public record DimensionAgreement(Dimension dimension, int compared, Double meanAbsoluteDifference, Double exactAgreement,
                                     Double withinOneAgreement, Double meanCoach, Double meanEngine) {
    }

    /** @param agreement share of pairs in which both raised it or neither did */
    public record FlagAgreement(FlagCode flag, int bothRaised, int onlyCoach, int onlyEngine, int neither, Double agreement) {
    }

    /** @param confusion coach verdict -> engine verdict -> pairs */
    public record VerdictAgreement(int compared, int agreed, Double agreement, Map<String, Map<String, Integer>> confusion) {
    }
}
