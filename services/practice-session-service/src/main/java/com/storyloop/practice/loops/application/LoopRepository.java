package com.storyloop.practice.loops.application;

import java.util.List;
import java.util.Optional;

import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopEvent;

/** Port: where loops' events live. */
public interface LoopRepository {

    /** The loop folded from its events, and its stream version. */
    Optional<Loaded> load(String loopId);

    /** Appends to the loop's stream at the expected version; conflicts surface as StreamVersionConflict. */
    long append(Loop before, long expectedVersion, List<LoopEvent> events, EventContext context);

    record Loaded(Loop loop, long version) {
    }
}
