package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.Set;

/**
 * One story of a client's bank as coverage sees it: its current revision's claims and text, whether it is retired,
 * whether it has a deep-dive appendix, and the scorecard of its current revision (null until scored).
 */
public record BankStory(String storyId, int revision, Set<Principle> claimed, String text, String projectTag, boolean retired,
                        boolean deepDive, Scorecard scorecard) {

    public BankStory {
        claimed = Set.copyOf(claimed);
        text = text == null ? "" : text;
    }

    public boolean active() {
        return !retired;
    }

    /** A PASS-level story demonstrating the principle (fit of at least 0.6). */
    public boolean covers(Principle principle) {
        return scorecard != null && scorecard.passes() && scorecard.demonstrates(principle);
    }
}
