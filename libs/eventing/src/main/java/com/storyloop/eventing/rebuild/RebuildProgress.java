package com.storyloop.eventing.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where a projection's rebuild stands. {@code eventsRead} counts records read from the projection's topics (including
 * duplicates and dead letters) against {@code eventsTotal}, the records the topics held when the rebuild started.
 */
public record RebuildProgress(String projection, State state, List<String> topics, List<String> tables, Instant startedAt, Instant finishedAt,
                              long eventsRead, long eventsTotal, long eventsApplied, double eventsPerSecond, Long etaSeconds,
                              Long switchPauseMillis, String error) {

    public enum State { NEVER_RUN, COPYING_TABLES, CATCHING_UP, SWITCHING, DONE, FAILED }

    public boolean running() {
        return state == State.COPYING_TABLES || state == State.CATCHING_UP || state == State.SWITCHING;
    }
}
