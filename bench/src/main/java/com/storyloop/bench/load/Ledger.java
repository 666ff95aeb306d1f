package com.storyloop.bench.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger check: every revision the story service accepted must be stored once, scored exactly once per rubric
 * version, and reach the coverage views (principle facts and the story timeline) exactly once. Pure: the counts come
 * from {@link LedgerQueries}; this only compares them, so the rules are tested without a platform.
 */
public final class Ledger {

    public record RevisionKey(String storyId, int revision) {
        @Override
        public String toString() {
            return storyId + " r" + revision;
        }
    }

    public record ScoreKey(String storyId, int revision, String rubricVersion) {
        RevisionKey revisionKey() {
            return new RevisionKey(storyId, revision);
        }

        @Override
        public String toString() {
            return storyId + " r" + revision + " rubric " + rubricVersion;
        }
    }

    /**
     * What the services' databases hold, each with its multiplicity.
     *
     * @param stored          StoryDrafted/StoryRevised events in the story store, per revision
     * @param scored          RevisionScored events in the scoring store, per revision and rubric version
     * @param coverageTexts   the coverage projection's text facts, per revision
     * @param coverageScores  the coverage projection's score facts, per revision and rubric version
     * @param timelineScores  the story timeline's scores, per revision and rubric version
     */
    public record Holdings(Map<RevisionKey, Integer> stored, Map<ScoreKey, Integer> scored, Map<RevisionKey, Integer> coverageTexts,
                           Map<ScoreKey, Integer> coverageScores, Map<ScoreKey, Integer> timelineScores) {
    }

    /**
     * @param lost                 accepted revisions missing from the store, or a stored one without its score or its coverage
     * @param duplicated           revisions stored, scored or folded into a view more than once
     * @param storedUnacknowledged stored revisions whose 201 the generator never saw (a fault cut the answer): not lost
     * @param problems             the first few lost or duplicated revisions, and where
     */
    public record Result(long accepted, long stored, long storedUnacknowledged, long scored, long lost, long duplicated, List<String> problems) {
        public boolean clean() {
            return lost == 0 && duplicated == 0;
        }
    }

    private Ledger() {
    }

    public static Result reconcile(Collection<RevisionKey> accepted, Holdings holdings, Set<String> rubricVersions) {
        Set<RevisionKey> lost = new LinkedHashSet<>();
        Set<RevisionKey> duplicated = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        Set<RevisionKey> acceptedSet = new LinkedHashSet<>(accepted);
        for (RevisionKey revision : acceptedSet) {
            if (!holdings.stored().containsKey(revision)) {
                note(lost, revision, problems, "accepted but not in the story store");
            }
        }
        long scored = 0;
        for (Map.Entry<RevisionKey, Integer> stored : holdings.stored().entrySet()) {
            RevisionKey revision = stored.getKey();
            if (stored.getValue() > 1) {
                note(duplicated, revision, problems, "stored " + stored.getValue() + " times");
            }
            check(holdings.coverageTexts().getOrDefault(revision, 0), revision, "coverage text facts", lost, duplicated, problems);
            for (String rubric : rubricVersions) {
                ScoreKey key = new ScoreKey(revision.storyId(), revision.revision(), rubric);
                int scores = holdings.scored().getOrDefault(key, 0);
                scored += Math.min(1, scores);
                check(scores, revision, "RevisionScored events (rubric " + rubric + ")", lost, duplicated, problems);
                if (scores > 0) {
                    check(holdings.coverageScores().getOrDefault(key, 0), revision, "coverage score facts (rubric " + rubric + ")", lost, duplicated, problems);
                    check(holdings.timelineScores().getOrDefault(key, 0), revision, "story timeline scores (rubric " + rubric + ")", lost, duplicated, problems);
                }
            }
        }
        for (ScoreKey key : holdings.scored().keySet()) {
            if (!holdings.stored().containsKey(key.revisionKey())) {
                note(duplicated, key.revisionKey(), problems, "scored but never stored (rubric " + key.rubricVersion() + ")");
            }
        }
        long unacknowledged = holdings.stored().keySet().stream().filter(k -> !acceptedSet.contains(k)).count();
        return new Result(acceptedSet.size(), holdings.stored().size(), unacknowledged, scored, lost.size(), duplicated.size(), problems);
    }

    private static void check(int count, RevisionKey revision, String where, Set<RevisionKey> lost, Set<RevisionKey> duplicated, List<String> problems) {
        if (count == 0) {
            note(lost, revision, problems, "missing from " + where);
        } else if (count > 1) {
            note(duplicated, revision, problems, count + " times in " + where);
        }
    }

    private static void note(Set<RevisionKey> set, RevisionKey revision, List<String> problems, String what) {
        set.add(revision);
        if (problems.size() < 10) {
            problems.add(revision + ": " + what);
        }
    }
}
