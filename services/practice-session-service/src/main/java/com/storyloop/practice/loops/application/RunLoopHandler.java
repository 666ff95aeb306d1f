package com.storyloop.practice.loops.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.practice.loops.domain.LoopCommand;
import com.storyloop.practice.loops.domain.LoopDecider;
import com.storyloop.practice.loops.domain.LoopEvent;
import com.storyloop.web.problems.ResourceNotFound;

/** Runs a command against a loop at the version the caller last read (or the current one when the caller names none). */
@Service
public class RunLoopHandler {

    private final LoopRepository loops;

    public RunLoopHandler(LoopRepository loops) {
        this.loops = loops;
    }

    public record Result(long version, List<LoopEvent> events) {
    }

    @Transactional
    public Result run(String loopId, Long expectedVersion, LoopCommand command, EventContext context) {
        LoopRepository.Loaded loaded = loops.load(loopId).orElseThrow(() -> new ResourceNotFound("loop", loopId));
        if (expectedVersion != null && loaded.version() != expectedVersion) {
            throw new StreamVersionConflict(loopId, expectedVersion, loaded.version());
        }
        List<LoopEvent> events = LoopDecider.decide(command, loaded.loop());
        return new Result(loops.append(loaded.loop(), loaded.version(), events, context), events);
    }
}
