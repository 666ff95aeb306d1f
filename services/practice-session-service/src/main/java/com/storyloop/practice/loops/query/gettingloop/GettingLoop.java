package com.storyloop.practice.loops.query.gettingloop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.storyloop.practice.loops.application.LoopRepository;
import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopDecider;
import com.storyloop.practice.loops.domain.LoopEvent;
import com.storyloop.practice.loops.domain.LoopPlan;
import com.storyloop.practice.questions.application.QuestionLibrary;
import com.storyloop.practice.questions.domain.Question;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;

/**
 * Reads a loop folded from its own stream (always current): the plan with its suggested questions (text and probes), and
 * every question asked with its answer, probes and rating, and the summary per principle and per story (so far, or as completed). Only for someone who may see the loop's client; to anyone else
 * it is as absent as a loop that never existed.
 */
@Component
public class GettingLoop {

    private final LoopRepository loops;
    private final QuestionLibrary questions;
    private final Access access;

    public GettingLoop(LoopRepository loops, QuestionLibrary questions, Access access) {
        this.loops = loops;
        this.questions = questions;
        this.access = access;
    }

    public record LoopView(String loopId, String orgId, String clientId, String bankId, String mode, long version, boolean completed,
                           List<LoopPlan.PlannedInterview> interviews, List<String> warnings, List<String> unfilledSlots,
                           Map<String, SuggestedQuestion> suggestedQuestions, List<QuestionView> questions, LoopEvent.LoopSummary summary) {
    }

    /** A question the plan suggests, as the interviewer needs it: the text to ask and the probes to follow up with. */
    public record SuggestedQuestion(String questionId, String principle, String level, String text, List<String> probes, String source) {
    }

    /** The plan's suggested questions by id, from the organisation's bank (a question since withdrawn from the bank is left out). */
    public Map<String, SuggestedQuestion> suggestedQuestions(String orgId, LoopPlan plan) {
        Set<String> suggested = plan.interviews().stream().flatMap(i -> i.slots().stream()).map(LoopPlan.PlannedSlot::suggestedQuestionId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, SuggestedQuestion> questions = new LinkedHashMap<>();
        if (suggested.isEmpty()) {
            return questions;
        }
        for (Question q : this.questions.availableTo(orgId)) {
            if (suggested.contains(q.questionId())) {
                questions.putIfAbsent(q.questionId(), new SuggestedQuestion(q.questionId(), q.principle().name(),
                        q.level() == null ? null : q.level().name(), q.text(), q.probes(), q.provenance().source()));
            }
        }
        return questions;
    }

    public record QuestionView(int interviewIndex, int slotIndex, String questionId, String principle, String text, Loop.Answer answer,
                               String timing, boolean timingFlagged, List<Loop.Probe> probes, String rating, String interviewerId, String notes) {
    }

    public Optional<LoopView> byId(Caller caller, String loopId) {
        return loops.load(loopId).filter(loaded -> access.canSeeClient(caller, loaded.loop().orgId(), loaded.loop().clientId())).map(loaded -> {
            Loop l = loaded.loop();
            List<QuestionView> questions = l.questions().entrySet().stream().map(e -> {
                Loop.AskedQuestion q = e.getValue();
                return new QuestionView(e.getKey().interviewIndex(), e.getKey().slotIndex(), q.questionId(), q.principle().name(), q.text(), q.answer(),
                        q.answer() == null ? null : q.answer().timing().name(), q.answer() != null && q.answer().timing().flagged(), q.probes(),
                        q.rating() == null ? null : q.rating().name(), q.interviewerId(), q.notes());
            }).toList();
            return new LoopView(l.loopId(), l.orgId(), l.clientId(), l.bankId(), l.mode().name(), loaded.version(), l.completed(),
                    l.plan().interviews(), l.plan().warnings(), l.plan().unfilledSlots(), suggestedQuestions(l.orgId(), l.plan()), questions,
                    LoopDecider.summarise(l));
        });
    }
}
