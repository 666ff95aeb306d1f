package com.storyloop.practice.loops.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopCommand.PlanLoop;
import com.storyloop.practice.loops.domain.LoopDecider;
import com.storyloop.practice.loops.domain.LoopEvent;
import com.storyloop.practice.loops.domain.LoopFormat;
import com.storyloop.practice.loops.domain.LoopMode;
import com.storyloop.practice.loops.domain.LoopPlan;
import com.storyloop.practice.loops.domain.LoopPlanner;
import com.storyloop.practice.questions.application.QuestionLibrary;
import com.storyloop.practice.questions.domain.Question;
import com.storyloop.practice.stories.query.choosingstories.ChoosingStories;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * Plans a loop from the client's bank (local copy) and records it as LoopPlanned; or only previews the plan. Only someone
 * who may see the client plans for them; to anyone else the client's bank is as missing as one that does not exist.
 */
@Service
public class PlanLoopHandler {

    private final ChoosingStories stories;
    private final LoopRepository loops;
    private final Clock clock;
    private final QuestionLibrary questions;
    private final Access access;

    public PlanLoopHandler(ChoosingStories stories, LoopRepository loops, Clock clock, QuestionLibrary questions, Access access) {
        this.stories = stories;
        this.loops = loops;
        this.clock = clock;
        this.questions = questions;
        this.access = access;
    }

    public record Planned(String loopId, String bankId, LoopPlan plan) {
    }

    public Planned preview(Caller caller, String orgId, String clientId, LoopFormat format) {
        access.requireClient(caller, orgId, clientId, "story bank of client", clientId);
        String bankId = stories.bankOf(orgId, clientId).orElseThrow(() -> new ResourceNotFound("story bank of client", clientId));
        List<Question> available = questions.availableTo(orgId);
        return new Planned(null, bankId, LoopPlanner.plan(format, stories.candidates(orgId, clientId), available,
                stories.targetLevel(orgId, clientId).orElse(null)));
    }

    @Transactional
    public Planned plan(Caller caller, String orgId, String clientId, LoopFormat format, LoopMode mode, EventContext context) {
        Planned preview = preview(caller, orgId, clientId, format);
        String loopId = UUID.randomUUID().toString();
        List<LoopEvent> events = LoopDecider.decide(new PlanLoop(loopId, orgId, clientId, preview.bankId(), mode, preview.plan(), clock.instant()),
                Loop.NONE);
        loops.append(Loop.NONE, 0, events, context);
        return new Planned(loopId, preview.bankId(), preview.plan());
    }
}
