package com.storyloop.scoring.coaching.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;
import com.storyloop.scoring.coaching.domain.Calibration.Comparison;

import static org.assertj.core.api.Assertions.assertThat;

/** Calibration figures as example cards: given these pairs of coach and engine scores, then these agreements. */
class CalibrationTest {

    static Map<Dimension, Integer> dims(int friction, int result) {
        Map<Dimension, Integer> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.FRICTION, friction);
        map.put(Dimension.RESULT, result);
        return map;
    }

    static Comparison pair(String coach, Map<Dimension, Integer> coachDims, List<FlagCode> coachFlags, Verdict coachVerdict,
                           Map<Dimension, Integer> engineDims, Set<FlagCode> engineFlags, Verdict engineVerdict) {
        return new Comparison(new CoachScore(coach, coachDims, coachVerdict, coachFlags, null), new EngineScore(engineDims, engineFlags, engineVerdict));
    }

    final List<Comparison> given = List.of(
            // same revision scored: coach 4/1 vs engine 4/3, coach raises NO_MEASURABLE_RESULT with the engine, verdicts agree
            pair("ada", dims(4, 1), List.of(FlagCode.NO_MEASURABLE_RESULT), Verdict.BORDERLINE, dims(4, 3), Set.of(FlagCode.NO_MEASURABLE_RESULT),
                    Verdict.BORDERLINE),
            // coach 2/5 vs engine 3/5, only the engine raises PERFECT_PATH, verdicts differ
            pair("ada", dims(2, 5), List.of(), Verdict.PASS, dims(3, 5), Set.of(FlagCode.PERFECT_PATH), Verdict.BORDERLINE),
            // another coach, only the coach raises VILLAIN
            pair("bo", dims(0, 0), List.of(FlagCode.VILLAIN), Verdict.FAIL, dims(5, 0), Set.of(), Verdict.FAIL));

    @Test
    void givenThreePairs_whenCalibrated_thenEachDimensionHasItsMeanAbsoluteDifferenceAndAgreementRates() {
        CalibrationReport report = Calibration.of(given);

        assertThat(report.comparisons()).isEqualTo(3);
        assertThat(report.coaches()).isEqualTo(2);
        CalibrationReport.DimensionAgreement friction = report.dimensions().get(Dimension.FRICTION.ordinal());
        assertThat(friction.compared()).isEqualTo(3);
        assertThat(friction.meanAbsoluteDifference()).isEqualTo(2.0); // |0| + |1| + |5| over 3
        assertThat(friction.exactAgreement()).isEqualTo(0.333);
        assertThat(friction.withinOneAgreement()).isEqualTo(0.667);
        assertThat(friction.meanCoach()).isEqualTo(2.0);
        assertThat(friction.meanEngine()).isEqualTo(4.0);
        CalibrationReport.DimensionAgreement result = report.dimensions().get(Dimension.RESULT.ordinal());
        assertThat(result.meanAbsoluteDifference()).isEqualTo(0.667); // |2| + 0 + 0 over 3
        assertThat(result.exactAgreement()).isEqualTo(0.667);
        assertThat(result.withinOneAgreement()).isEqualTo(0.667);
    }

    @Test
    void givenADimensionNoCoachScored_whenCalibrated_thenItsFiguresAreEmptyNotZero() {
        CalibrationReport.DimensionAgreement arc = Calibration.of(given).dimensions().get(Dimension.ARC.ordinal());

        assertThat(arc.compared()).isZero();
        assertThat(arc.meanAbsoluteDifference()).isNull();
        assertThat(arc.exactAgreement()).isNull();
    }

    @Test
    void givenThreePairs_whenCalibrated_thenEachFlagCountsBothOnlyCoachOnlyEngineAndNeither() {
        List<CalibrationReport.FlagAgreement> flags = Calibration.of(given).flags();

        assertThat(flags).hasSize(FlagCode.values().length);
        assertThat(flags.get(FlagCode.NO_MEASURABLE_RESULT.ordinal()))
                .isEqualTo(new CalibrationReport.FlagAgreement(FlagCode.NO_MEASURABLE_RESULT, 1, 0, 0, 2, 1.0));
        assertThat(flags.get(FlagCode.PERFECT_PATH.ordinal()))
                .isEqualTo(new CalibrationReport.FlagAgreement(FlagCode.PERFECT_PATH, 0, 0, 1, 2, 0.667));
        assertThat(flags.get(FlagCode.VILLAIN.ordinal())).isEqualTo(new CalibrationReport.FlagAgreement(FlagCode.VILLAIN, 0, 1, 0, 2, 0.667));
    }

    @Test
    void givenThreePairs_whenCalibrated_thenVerdictAgreementAndConfusionAreReported() {
        CalibrationReport.VerdictAgreement verdict = Calibration.of(given).verdict();

        assertThat(verdict.compared()).isEqualTo(3);
        assertThat(verdict.agreed()).isEqualTo(2);
        assertThat(verdict.agreement()).isEqualTo(0.667);
        assertThat(verdict.confusion().get("PASS")).containsEntry("BORDERLINE", 1).containsEntry("PASS", 0);
        assertThat(verdict.confusion().get("BORDERLINE")).containsEntry("BORDERLINE", 1);
        assertThat(verdict.confusion().get("FAIL")).containsEntry("FAIL", 1);
    }

    @Test
    void givenNoPairs_whenCalibrated_thenEveryRateIsEmpty() {
        CalibrationReport report = Calibration.of(List.of());

        assertThat(report.comparisons()).isZero();
        assertThat(report.verdict().agreement()).isNull();
        assertThat(report.flags()).allSatisfy(f -> assertThat(f.agreement()).isNull());
    }
}
