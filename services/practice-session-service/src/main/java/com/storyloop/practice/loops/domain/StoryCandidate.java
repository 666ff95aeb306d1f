package com.storyloop.practice.loops.domain;

import java.util.Map;
import java.util.Set;

import com.storyloop.rubric.scorecard.Principle;

/**
 * A story of the client's bank as the planner sees it (local copy of story.events and scoring.events): its latest
 * revision, the principles the author claims, the engine's per-principle fit (0-1) and its latest overall score (0-100)
 * and verdict, both null until the revision is scored.
 */
public record StoryCandidate(String storyId, String title, int revision, Set<Principle> claimed, Map<Principle, Double> fit, Integer score,
                             Verdict verdict, boolean retired) {

    public StoryCandidate {
        claimed = Set.copyOf(claimed);
        fit = Map.copyOf(fit);
    }

    /** Claimed by the author or found by the engine. */
    public boolean evidences(Principle principle) {
        return claimed.contains(principle) || fit.getOrDefault(principle, 0.0) > 0;
    }

    /** Latest score weighted by principle fit; a claim the engine has not measured counts as a weak fit. */
    public double strengthFor(Principle principle) {
        double f = fit.containsKey(principle) ? fit.get(principle) : claimed.contains(principle) ? 0.3 : 0;
        return (score == null ? 0 : score) * f;
    }

    int verdictRank() {
        if (verdict == null) {
            return 1;
        }
        if (verdict == Verdict.PASS) {
            return 3;
        }
        return verdict == Verdict.BORDERLINE ? 2 : 0;
    }
}
