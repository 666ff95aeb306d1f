package com.storyloop.coverage.timeline.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Given revisions and their scorecards, when the timeline is folded, then these points, moves and alerts. */
class StoryTimelineTest {

    static RevisionText star(int revision, String situation, String task, String action, String result) {
        return new RevisionText(revision, Instant.parse("2026-01-0" + revision + "T10:00:00Z"),
                Map.of("SITUATION", situation, "TASK", task, "ACTION", action, "RESULT", result));
    }

    static RevisionScore score(int revision, String verdict, int overall, Map<String, Integer> dimensions, Set<String> flags, double share,
                               int seconds) {
        return new RevisionScore(revision, "1", verdict, overall, dimensions, flags, share, seconds, 300);
    }

    @Test
    void aRevisionThatAddsANumberToTheResultResolvesTheFlagAndMovesResult() {
        RevisionText draft = star(1, "Checkout was slow.", "Fix it.", "I profiled the service.", "It got faster.");
        RevisionText revised = star(2, "Checkout was slow.", "Fix it.", "I profiled the service.", "p99 fell from 900 ms to 300 ms.");
        RevisionScore first = score(1, "BORDERLINE", 55, Map.of("RESULT", 1, "AGENCY", 4), Set.of("NO_MEASURABLE_RESULT"), 0.7, 150);
        RevisionScore second = score(2, "PASS", 78, Map.of("RESULT", 5, "AGENCY", 4), Set.of(), 0.72, 155);

        List<TimelinePoint> timeline = StoryTimeline.of(List.of(revised, draft), List.of(second, first));

        assertThat(timeline).extracting(TimelinePoint::revision).containsExactly(1, 2);
        TimelinePoint first1 = timeline.get(0);
        assertThat(first1.overall()).isEqualTo(55);
        assertThat(first1.flags()).containsExactly("NO_MEASURABLE_RESULT");
        assertThat(first1.wordsChanged()).isZero();
        assertThat(first1.alerts()).isEmpty();
        TimelinePoint point = timeline.get(1);
        assertThat(point.verdict()).isEqualTo("PASS");
        assertThat(point.flagsResolved()).containsExactly("NO_MEASURABLE_RESULT");
        assertThat(point.flagsIntroduced()).isEmpty();
        assertThat(point.sectionsChanged()).containsExactly("RESULT");
        assertThat(point.dimensionMoves()).containsExactly(Map.entry("RESULT", 4));
        assertThat(point.wordsChanged()).isEqualTo(3 + 8); // "it got faster" out; "p99 fell from 900 ms to 300 ms" in
        assertThat(point.alerts()).isEmpty();
    }

    @Test
    void aRevisionThatDropsTheNumberBringsWeBackAndRunsLongRaisesEveryRegressionAlert() {
        RevisionText draft = star(1, "Checkout was slow.", "Fix it.", "I profiled the service.", "p99 fell by 600 ms.");
        RevisionText revised = star(2, "Checkout was slow for a long time and many people talked about it.", "Fix it.",
                "We profiled the service.", "It got faster.");
        RevisionScore first = score(1, "PASS", 80, Map.of("RESULT", 5), Set.of(), 0.65, 170);
        RevisionScore second = score(2, "FAIL", 45, Map.of("RESULT", 1), Set.of("ROYAL_WE", "NO_MEASURABLE_RESULT"), 0.4, 200);

        TimelinePoint point = StoryTimeline.of(List.of(draft, revised), List.of(first, second)).get(1);

        assertThat(point.alerts()).containsExactly("LOST_METRIC", "WE_IS_BACK", "BELOW_ACTION_RESULT_SHARE", "PAST_LENGTH_TARGET");
        assertThat(point.flagsIntroduced()).containsExactly("NO_MEASURABLE_RESULT", "ROYAL_WE");
        assertThat(point.sectionsChanged()).containsExactly("SITUATION", "ACTION", "RESULT");
        assertThat(point.dimensionMoves()).containsExactly(Map.entry("RESULT", -4));
    }

    @Test
    void aResultThatLosesItsNumberIsALostMetricEvenBeforeItIsScored() {
        RevisionText draft = star(1, "s", "t", "I acted.", "Sales rose 12%.");
        RevisionText revised = star(2, "s", "t", "I acted.", "Sales rose.");

        TimelinePoint point = StoryTimeline.of(List.of(draft, revised), List.of()).get(1);

        assertThat(point.overall()).isNull();
        assertThat(point.verdict()).isNull();
        assertThat(point.alerts()).containsExactly("LOST_METRIC");
    }

    @Test
    void theLastScorecardGivenForARevisionIsShownWithItsRubricVersion() {
        RevisionText draft = star(1, "s", "t", "a", "r");
        RevisionScore v1 = score(1, "FAIL", 40, Map.of(), Set.of(), 0.6, 100);
        RevisionScore v2 = new RevisionScore(1, "2", "BORDERLINE", 61, Map.of(), Set.of(), 0.6, 100, 4);

        TimelinePoint point = StoryTimeline.of(List.of(draft), List.of(v1, v2)).get(0);

        assertThat(point.rubricVersion()).isEqualTo("2");
        assertThat(point.overall()).isEqualTo(61);
    }
}
