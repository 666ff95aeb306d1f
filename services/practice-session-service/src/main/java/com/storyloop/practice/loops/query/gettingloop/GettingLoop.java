package com.storyloop.practice.loops.query.gettingloop;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.practice.loops.application.LoopRepository;
import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopPlan;

/** Reads a loop folded from its own stream (always current): the plan, and every question with its answer, probes and rating. */
@Component
public class GettingLoop {

    private final LoopRepository loops;

    public GettingLoop(LoopRepository loops) {
        this.loops = loops;
    }

    public record LoopView(String loopId, String orgId, String clientId, String bankId, String mode, long version, boolean completed,
                           List<LoopPlan.PlannedInterview> interviews, List<String> warnings, List<String> unfilledSlots, List<QuestionView> questions) {
    }

    public record QuestionView(int interviewIndex, int slotIndex, String questionId, String principle, String text, Loop.Answer answer,
                               String timing, boolean timingFlagged, List<Loop.Probe> probes, String rating, String interviewerId, String notes) {
    }

    public Optional<LoopView> byId(String loopId) {
        return loops.load(loopId).map(loaded -> {
            Loop l = loaded.loop();
            List<QuestionView> questions = l.questions().entrySet().stream().map(e -> {
                Loop.AskedQuestion q = e.getValue();
                return new QuestionView(e.getKey().interviewIndex(), e.getKey().slotIndex(), q.questionId(), q.principle().name(), q.text(), q.answer(),
                        q.answer() == null ? null : q.answer().timing().name(), q.answer() != null && q.answer().timing().flagged(), q.probes(),
                        q.rating() == null ? null : q.rating().name(), q.interviewerId(), q.notes());
            }).toList();
            return new LoopView(l.loopId(), l.orgId(), l.clientId(), l.bankId(), l.mode().name(), loaded.version(), l.completed(),
                    l.plan().interviews(), l.plan().warnings(), l.plan().unfilledSlots(), questions);
        });
    }
}
