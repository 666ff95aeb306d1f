package com.storyloop.coverage.principles.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's readiness over time: the bank's facts folded in the order they happened, with the coverage assessment after
 * each instant. Because the order is the events' own (not their arrival), a replay, a rebuild or a shuffled redelivery
 * gives the same series.
 */
public final class ClientHistory {

    /**
     * Readiness, stories at PASS and active stories after everything that happened at {@code at}; {@code overall}, the mean
     * overall score of the active stories' current revisions (null while none is scored).
     */
    public record ReadinessPoint(Instant at, int readiness, int storiesAtPass, int activeStories, Double overall) {
    }

    private final Map<String, StoryState> stories = new TreeMap<>();
    private final Map<String, Scorecard> scores = new HashMap<>();

    public void apply(BankFact fact) {
        if (fact instanceof BankFact.Scored s) {
            scores.put(s.storyId() + "#" + s.revision(), s.scorecard());
            return;
        }
        StoryState next = StoryState.evolve(stories.get(fact.storyId()), fact);
        if (next != null) {
            stories.put(fact.storyId(), next);
        }
    }

    /** The bank now: every story with the scorecard of its current revision (null until scored). */
    public List<BankStory> bank() {
        List<BankStory> bank = new ArrayList<>(stories.size());
        for (StoryState story : stories.values()) {
            bank.add(story.withScorecard(scores.get(story.storyId() + "#" + story.revision())));
        }
        return bank;
    }

    public static List<ReadinessPoint> readinessSeries(List<BankFact.Stamped> facts) {
        List<BankFact.Stamped> ordered = new ArrayList<>(facts);
        ordered.sort(BankFact.ORDER);
        ClientHistory history = new ClientHistory();
        List<ReadinessPoint> points = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            history.apply(ordered.get(i).fact());
            Instant at = ordered.get(i).occurredAt();
            if (i + 1 < ordered.size() && ordered.get(i + 1).occurredAt().equals(at)) {
                continue; // one point per instant: the state after all of it
            }
            points.add(history.point(at));
        }
        return points;
    }

    private ReadinessPoint point(Instant at) {
        List<BankStory> bank = bank();
        int passing = 0;
        int active = 0;
        int scored = 0;
        int overallSum = 0;
        for (BankStory story : bank) {
            if (story.active()) {
                active++;
                if (story.scorecard() != null) {
                    scored++;
                    overallSum += story.scorecard().overall();
                    if (story.scorecard().passes()) {
                        passing++;
                    }
                }
            }
        }
        Double overall = scored == 0 ? null : Math.round(overallSum * 10.0 / scored) / 10.0;
        return new ReadinessPoint(at, PrincipleCoverage.assess(bank).readiness(), passing, active, overall);
    }
}
