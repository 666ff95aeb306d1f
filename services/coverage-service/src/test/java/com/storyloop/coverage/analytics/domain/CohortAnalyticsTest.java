package com.storyloop.coverage.analytics.domain;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the organisation's scored revisions, when analytics are folded, then these means, medians and rates. */
class CohortAnalyticsTest {

    @Test
    void meansByRevisionMedianRevisionsToPassAndFlagResolution() {
        List<ScoredRevision> revisions = List.of(
                new ScoredRevision("a", 1, "FAIL", 40, Set.of("ROYAL_WE", "NO_MEASURABLE_RESULT")),
                new ScoredRevision("a", 2, "BORDERLINE", 60, Set.of("ROYAL_WE")),
                new ScoredRevision("a", 3, "PASS", 80, Set.of()),
                new ScoredRevision("b", 1, "PASS", 75, Set.of("TOO_LONG")),
                new ScoredRevision("c", 1, "FAIL", 30, Set.of("ROYAL_WE")),
                new ScoredRevision("c", 2, "FAIL", 35, Set.of("ROYAL_WE")),
                new ScoredRevision("d", 2, "FAIL", 20, Set.of("VILLAIN")));

        CohortAnalytics.Report report = CohortAnalytics.of(revisions);

        assertThat(report.meanOverallByRevision()).containsExactly(
                new CohortAnalytics.RevisionMean(1, 48.33, 3), new CohortAnalytics.RevisionMean(2, 38.33, 3), new CohortAnalytics.RevisionMean(3, 80.0, 1));
        assertThat(report.medianRevisionsToPass()).isEqualTo(2.0); // b at 1, a at 3
        assertThat(report.storiesAtPass()).isEqualTo(2);
        assertThat(report.stories()).isEqualTo(4);
        // ROYAL_WE: a1->a2 kept, a2->a3 gone, c1->c2 kept; NO_MEASURABLE_RESULT gone in a2; TOO_LONG and VILLAIN have no next revision
        assertThat(report.flagResolution()).containsExactly(
                new CohortAnalytics.FlagResolution("NO_MEASURABLE_RESULT", 1, 1, 1.0),
                new CohortAnalytics.FlagResolution("ROYAL_WE", 3, 1, 0.33));
    }

    @Test
    void anOrganisationWithoutScoresHasNoMedian() {
        CohortAnalytics.Report report = CohortAnalytics.of(List.of());

        assertThat(report.medianRevisionsToPass()).isNull();
        assertThat(report.meanOverallByRevision()).isEmpty();
        assertThat(report.flagResolution()).isEmpty();
    }
}
