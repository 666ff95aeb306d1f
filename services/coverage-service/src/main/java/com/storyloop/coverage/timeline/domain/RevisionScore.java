package com.storyloop.coverage.timeline.domain;

import java.util.Map;
import java.util.Set;

/** The engine's scorecard of one revision, as the timeline needs it. */
public record RevisionScore(int revision, String rubricVersion, String verdict, int overall, Map<String, Integer> dimensions,
                            Set<String> flags, double actionResultShare, int speakingSeconds, int wordCount) {

    public RevisionScore {
        dimensions = Map.copyOf(dimensions);
        flags = Set.copyOf(flags);
    }
}
