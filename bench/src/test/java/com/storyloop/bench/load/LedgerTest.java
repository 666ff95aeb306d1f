package com.storyloop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.storyloop.bench.load.Ledger.Holdings;
import com.storyloop.bench.load.Ledger.RevisionKey;
import com.storyloop.bench.load.Ledger.ScoreKey;

class LedgerTest {

    private static final String RUBRIC = "1.0.0";
    private final Map<RevisionKey, Integer> stored = new HashMap<>();
    private final Map<ScoreKey, Integer> scored = new HashMap<>();
    private final Map<RevisionKey, Integer> coverageTexts = new HashMap<>();
    private final Map<ScoreKey, Integer> coverageScores = new HashMap<>();
    private final Map<ScoreKey, Integer> timelineScores = new HashMap<>();

    /** A revision that went all the way: stored, scored, in coverage and in the story timeline, once each. */
    private void throughEverything(String story, int revision) {
        stored.put(new RevisionKey(story, revision), 1);
        scored.put(new ScoreKey(story, revision, RUBRIC), 1);
        coverageTexts.put(new RevisionKey(story, revision), 1);
        coverageScores.put(new ScoreKey(story, revision, RUBRIC), 1);
        timelineScores.put(new ScoreKey(story, revision, RUBRIC), 1);
    }

    private Ledger.Result reconcile(List<RevisionKey> accepted) {
        return Ledger.reconcile(accepted, new Holdings(stored, scored, coverageTexts, coverageScores, timelineScores), Set.of(RUBRIC));
    }

    @Test
    void givenEveryAcceptedRevisionWentThroughOnce_whenReconciled_thenNothingIsLostOrDuplicated() {
        throughEverything("s1", 1);
        throughEverything("s1", 2);

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1), new RevisionKey("s1", 2)));

        assertThat(result.clean()).isTrue();
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.scored()).isEqualTo(2);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void givenAnAcceptedRevisionMissingFromTheStore_whenReconciled_thenItIsLost() {
        throughEverything("s1", 1);

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1), new RevisionKey("s1", 2)));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.problems()).containsExactly("s1 r2: accepted but not in the story store");
    }

    @Test
    void givenAStoredRevisionWithoutAScore_whenReconciled_thenItIsLostAndSaysWhere() {
        throughEverything("s1", 1);
        scored.remove(new ScoreKey("s1", 1, RUBRIC));

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1)));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.scored()).isZero();
        assertThat(result.problems()).containsExactly("s1 r1: missing from RevisionScored events (rubric 1.0.0)");
    }

    @Test
    void givenARevisionScoredTwice_whenReconciled_thenItIsDuplicated() {
        throughEverything("s1", 1);
        scored.put(new ScoreKey("s1", 1, RUBRIC), 2);

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1)));

        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.problems()).containsExactly("s1 r1: 2 times in RevisionScored events (rubric 1.0.0)");
    }

    @Test
    void givenAScoreFoldedTwiceIntoCoverage_whenReconciled_thenItIsDuplicated() {
        throughEverything("s1", 1);
        coverageScores.put(new ScoreKey("s1", 1, RUBRIC), 2);

        assertThat(reconcile(List.of(new RevisionKey("s1", 1))).duplicated()).isEqualTo(1);
    }

    @Test
    void givenAScoredRevisionMissingFromTheTimeline_whenReconciled_thenItIsLost() {
        throughEverything("s1", 1);
        timelineScores.clear();

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1)));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.problems()).containsExactly("s1 r1: missing from story timeline scores (rubric 1.0.0)");
    }

    @Test
    void givenARevisionStoredWhoseAnswerWasLost_whenReconciled_thenItIsCountedAsUnacknowledgedNotLost() {
        throughEverything("s1", 1);
        throughEverything("s1", 2); // the 201 never reached the client: a fault cut the connection

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1)));

        assertThat(result.clean()).isTrue();
        assertThat(result.storedUnacknowledged()).isEqualTo(1);
    }

    @Test
    void givenOneRevisionMissingEverywhere_whenReconciled_thenItCountsOnceButEveryPlaceIsNamed() {
        stored.put(new RevisionKey("s1", 1), 1);

        Ledger.Result result = reconcile(List.of(new RevisionKey("s1", 1)));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.problems()).containsExactly("s1 r1: missing from coverage text facts", "s1 r1: missing from RevisionScored events (rubric 1.0.0)");
    }
}
