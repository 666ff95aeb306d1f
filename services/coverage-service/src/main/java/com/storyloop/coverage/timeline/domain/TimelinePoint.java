package com.storyloop.coverage.timeline.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One revision on a story's timeline. Scores are null while the revision is unscored. The changes compare with the
 * previous revision: words changed (added + removed), sections changed, dimension moves (new minus old, non-zero only),
 * flags introduced and resolved, and regression alerts.
 */
public record TimelinePoint(int revision, Instant at, Integer overall, String verdict, String rubricVersion, Map<String, Integer> dimensions,
                            List<String> flags, List<String> flagsIntroduced, List<String> flagsResolved, int wordsChanged,
                            List<String> sectionsChanged, Map<String, Integer> dimensionMoves, List<String> alerts) {
}
