package com.storyloop.coverage.analytics.domain;

import java.util.Set;

/** One scored revision of one story of the organisation (the latest scorecard of that revision). */
public record ScoredRevision(String storyId, int revision, String verdict, int overall, Set<String> flags) {

    public ScoredRevision {
        flags = Set.copyOf(flags);
    }
}
