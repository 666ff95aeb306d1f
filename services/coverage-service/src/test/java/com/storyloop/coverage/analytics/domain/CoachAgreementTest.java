package com.storyloop.coverage.analytics.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Given coach scores next to the engine's, when agreement is folded, then per-dimension and verdict agreement. */
class CoachAgreementTest {

    @Test
    void agreementPerDimensionCountsOnlyDimensionsBothScored() {
        List<CoachAgreement.Comparison> comparisons = List.of(
                new CoachAgreement.Comparison(Map.of("RESULT", 4, "FRICTION", 2), Map.of("RESULT", 4, "FRICTION", 4, "AGENCY", 3), "PASS", "PASS"),
                new CoachAgreement.Comparison(Map.of("RESULT", 1), Map.of("RESULT", 2), "FAIL", "BORDERLINE"));

        CoachAgreement.Report report = CoachAgreement.of(comparisons);

        assertThat(report.comparisons()).isEqualTo(2);
        assertThat(report.verdictAgreement()).isEqualTo(0.5);
        assertThat(report.dimensions()).containsExactly(
                new CoachAgreement.DimensionAgreement("FRICTION", 1, 2.0, 0.0, 0.0),
                new CoachAgreement.DimensionAgreement("RESULT", 2, 0.5, 0.5, 1.0));
    }

    @Test
    void noCoachScoresMeansNoVerdictAgreement() {
        assertThat(CoachAgreement.of(List.of()).verdictAgreement()).isNull();
    }
}
