package com.storyloop.practice.loops.application;

import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopCommand;
import com.storyloop.practice.loops.domain.LoopDecider;
import com.storyloop.practice.loops.domain.LoopEvent;
import com.storyloop.practice.loops.domain.LoopRuleViolation;
import com.storyloop.practice.stories.query.choosingstories.ChoosingStories;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * Runs a command against a loop at the version the caller last read (or the current one when the caller names none).
 * Whoever may see the loop's client may run it (the client rehearsing alone records probes and ratings too); to anyone
 * else the loop does not exist. An answer may only tell a story of the loop's own client.
 */
@Service
public class RunLoopHandler {

    private final LoopRepository loops;
    private final Access access;
    private final ChoosingStories stories;

    public RunLoopHandler(LoopRepository loops, Access access, ChoosingStories stories) {
        this.loops = loops;
        this.access = access;
        this.stories = stories;
    }

    public record Result(long version, List<LoopEvent> events) {
    }

    @Transactional
    public Result run(Caller caller, String loopId, Long expectedVersion, LoopCommand command, EventContext context) {
        return run(caller, loopId, expectedVersion, loop -> command, context);
    }

    /** As {@link #run(Caller, String, Long, LoopCommand, EventContext)}, the command made from the loop once the caller may see it. */
    @Transactional
    public Result run(Caller caller, String loopId, Long expectedVersion, Function<Loop, LoopCommand> commandFor, EventContext context) {
        LoopRepository.Loaded loaded = loops.load(loopId).orElseThrow(() -> new ResourceNotFound("loop", loopId));
        Loop loop = loaded.loop();
        access.requireClient(caller, loop.orgId(), loop.clientId(), "loop", loopId);
        if (expectedVersion != null && loaded.version() != expectedVersion) {
            throw new StreamVersionConflict(loopId, expectedVersion, loaded.version());
        }
        LoopCommand command = commandFor.apply(loop);
        if (command instanceof LoopCommand.GiveAnswer answer && !stories.belongsTo(loop.orgId(), loop.clientId(), answer.storyId())) {
            // another client's (or organisation's) story answers like one that does not exist: nothing says which
            throw new LoopRuleViolation("storyId", "Story " + answer.storyId() + " is not in this client's bank");
        }
        List<LoopEvent> events = LoopDecider.decide(command, loop);
        return new Result(loops.append(loaded.loop(), loaded.version(), events, context), events);
    }
}
