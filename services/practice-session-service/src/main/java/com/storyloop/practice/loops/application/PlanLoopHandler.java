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
import com.storyloop.practice.questions.application.QuestionBank;
import com.storyloop.practice.questions.domain.Question;
import com.storyloop.practice.stories.query.choosingstories.ChoosingStories;
import com.storyloop.web.problems.ResourceNotFound;

/** Plans a loop from the client's bank (local copy) and records it as LoopPlanned; or only previews the plan. */
@Service
public class PlanLoopHandler {

    private final ChoosingStories stories;
    private final LoopRepository loops;
    private final Clock clock;
    private final List<QuestionBank> questionBanks;

    public PlanLoopHandler(ChoosingStories stories, LoopRepository loops, Clock clock, List<QuestionBank> questionBanks) {
        this.stories = stories;
        this.loops = loops;
        this.clock = clock;
        this.questionBanks = questionBanks;
    }

    public record Planned(String loopId, String bankId, LoopPlan plan) {
    }

    public Planned preview(String orgId, String clientId, LoopFormat format) {
        String bankId = stories.bankOf(orgId, clientId).orElseThrow(() -> new ResourceNotFound("story bank of client", clientId));
        List<Question> questions = questionBanks.stream().flatMap(b -> b.availableTo(orgId).stream()).toList();
        return new Planned(null, bankId, LoopPlanner.plan(format, stories.candidates(orgId, clientId), questions,
                stories.targetLevel(orgId, clientId).orElse(null)));
    }

    @Transactional
    public Planned plan(String orgId, String clientId, LoopFormat format, LoopMode mode, EventContext context) {
        Planned preview = preview(orgId, clientId, format);
        String loopId = UUID.randomUUID().toString();
        List<LoopEvent> events = LoopDecider.decide(new PlanLoop(loopId, orgId, clientId, preview.bankId(), mode, preview.plan(), clock.instant()),
                Loop.NONE);
        loops.append(Loop.NONE, 0, events, context);
        return new Planned(loopId, preview.bankId(), preview.plan());
    }
}
