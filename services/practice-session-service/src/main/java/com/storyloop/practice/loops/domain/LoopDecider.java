package com.storyloop.practice.loops.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.storyloop.practice.loops.domain.Loop.AskedQuestion;
import com.storyloop.practice.loops.domain.Loop.SlotKey;
import com.storyloop.practice.loops.domain.LoopCommand.AskProbe;
import com.storyloop.practice.loops.domain.LoopCommand.AskQuestion;
import com.storyloop.practice.loops.domain.LoopCommand.CompleteLoop;
import com.storyloop.practice.loops.domain.LoopCommand.GiveAnswer;
import com.storyloop.practice.loops.domain.LoopCommand.PlanLoop;
import com.storyloop.practice.loops.domain.LoopCommand.RateAnswer;
import com.storyloop.practice.loops.domain.LoopEvent.AnswerGiven;
import com.storyloop.practice.loops.domain.LoopEvent.AnswerRated;
import com.storyloop.practice.loops.domain.LoopEvent.LoopCompleted;
import com.storyloop.practice.loops.domain.LoopEvent.LoopPlanned;
import com.storyloop.practice.loops.domain.LoopEvent.LoopSummary;
import com.storyloop.practice.loops.domain.LoopEvent.PrincipleOutcome;
import com.storyloop.practice.loops.domain.LoopEvent.ProbeAsked;
import com.storyloop.practice.loops.domain.LoopEvent.QuestionAsked;
import com.storyloop.practice.loops.domain.LoopEvent.StoryUse;
import com.storyloop.practice.loops.domain.LoopEvent.TranscriptMeasures;
import com.storyloop.rubric.scorecard.Principle;

/** The running rules of a loop as pure functions: decide(command, state) -> events; evolve(state, event) -> state. */
public final class LoopDecider {

    public static final int MAX_ANSWER_SECONDS = 3600;
    public static final int MAX_PROBES_PER_ANSWER = 10;
    private static final Set<String> FILLERS = Set.of("um", "uh", "er", "erm", "like", "basically", "actually", "literally");

    private LoopDecider() {
    }

    public static List<LoopEvent> decide(LoopCommand command, Loop state) {
        if (command instanceof PlanLoop plan) {
            if (state.planned()) {
                throw new LoopRuleViolation("loopId", "Loop " + state.loopId() + " is already planned");
            }
            return List.of(new LoopPlanned(plan.loopId(), plan.orgId(), plan.clientId(), plan.bankId(), plan.mode(), plan.plan(), plan.now()));
        }
        if (!state.planned()) {
            throw new LoopRuleViolation("loopId", "There is no such loop");
        }
        if (state.completed()) {
            throw new LoopRuleViolation("loopId", "Loop " + state.loopId() + " is completed; nothing more can be recorded");
        }
        if (command instanceof AskQuestion ask) {
            LoopPlan.PlannedSlot slot = state.plan().slot(ask.interviewIndex(), ask.slotIndex());
            if (slot == null) {
                throw new LoopRuleViolation("slotIndex", "The plan has no interview " + ask.interviewIndex() + ", slot " + ask.slotIndex());
            }
            if (state.question(ask.interviewIndex(), ask.slotIndex()).isPresent()) {
                throw new LoopRuleViolation("slotIndex", "Interview " + ask.interviewIndex() + ", slot " + ask.slotIndex() + " was already asked");
            }
            return List.of(new QuestionAsked(state.loopId(), ask.interviewIndex(), ask.slotIndex(), ask.questionId(), slot.principle(), ask.text(),
                    ask.now()));
        }
        if (command instanceof GiveAnswer answer) {
            AskedQuestion question = asked(state, answer.interviewIndex(), answer.slotIndex());
            if (question.answer() != null) {
                throw new LoopRuleViolation("slotIndex", "The question of interview " + answer.interviewIndex() + ", slot " + answer.slotIndex()
                        + " is already answered");
            }
            if (answer.durationSeconds() < 1 || answer.durationSeconds() > MAX_ANSWER_SECONDS) {
                throw new LoopRuleViolation("durationSeconds", "An answer lasts 1 to " + MAX_ANSWER_SECONDS + " seconds");
            }
            state.questions().forEach((key, other) -> {
                if (other.answer() != null && other.principle() == question.principle() && other.answer().storyId().equals(answer.storyId())) {
                    throw new LoopRuleViolation("storyId", "Story " + answer.storyId() + " already answered " + question.principle()
                            + " in this loop (interview " + key.interviewIndex() + ", slot " + key.slotIndex()
                            + "); the same story may not answer the same principle twice");
                }
            });
            return List.of(new AnswerGiven(state.loopId(), question.questionId(), answer.interviewIndex(), answer.slotIndex(), question.principle(),
                    answer.storyId(), answer.storyRevision(), answer.durationSeconds(), answer.transcript(),
                    measure(answer.transcript(), answer.durationSeconds(), answer.review()), answer.now()));
        }
        if (command instanceof AskProbe probe) {
            AskedQuestion question = answered(state, probe.interviewIndex(), probe.slotIndex());
            if (question.probes().size() >= MAX_PROBES_PER_ANSWER) {
                throw new LoopRuleViolation("text", "At most " + MAX_PROBES_PER_ANSWER + " probes per answer");
            }
            return List.of(new ProbeAsked(state.loopId(), question.questionId(), probe.interviewIndex(), probe.slotIndex(), question.probes().size(),
                    probe.text(), probe.response(), probe.handledWell(), probe.now()));
        }
        if (command instanceof RateAnswer rate) {
            if (state.mode() == LoopMode.SELF_PRACTICE) {
                throw new LoopRuleViolation("rating", "A self-practice loop has no interviewer ratings");
            }
            AskedQuestion question = answered(state, rate.interviewIndex(), rate.slotIndex());
            if (question.rating() != null) {
                throw new LoopRuleViolation("rating", "The answer of interview " + rate.interviewIndex() + ", slot " + rate.slotIndex()
                        + " is already rated " + question.rating());
            }
            return List.of(new AnswerRated(state.loopId(), question.questionId(), rate.interviewIndex(), rate.slotIndex(), rate.interviewerId(),
                    rate.rating(), rate.notes(), rate.now()));
        }
        if (command instanceof CompleteLoop complete) {
            return List.of(new LoopCompleted(state.loopId(), summarise(state), complete.now()));
        }
        throw new IllegalArgumentException("Unhandled command " + command);
    }

    private static AskedQuestion asked(Loop state, int interviewIndex, int slotIndex) {
        return state.question(interviewIndex, slotIndex).orElseThrow(() -> new LoopRuleViolation("slotIndex",
                "No question was asked in interview " + interviewIndex + ", slot " + slotIndex));
    }

    private static AskedQuestion answered(Loop state, int interviewIndex, int slotIndex) {
        AskedQuestion question = asked(state, interviewIndex, slotIndex);
        if (question.answer() == null) {
            throw new LoopRuleViolation("slotIndex", "The question of interview " + interviewIndex + ", slot " + slotIndex + " is not answered yet");
        }
        return question;
    }

    /** Words per minute and filler words of a transcript, or null without one. */
    static TranscriptMeasures measure(String transcript, int durationSeconds, LoopCommand.TranscriptReview review) {
        if (transcript == null || transcript.isBlank()) {
            return null;
        }
        String[] words = transcript.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        int count = 0;
        int fillers = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            count++;
            if (FILLERS.contains(words[i]) || (words[i].equals("you") && i + 1 < words.length && words[i + 1].equals("know"))) {
                fillers++;
            }
        }
        return new TranscriptMeasures((int) Math.round(count * 60.0 / durationSeconds), fillers, review == null ? null : review.rubricVersion(),
                review == null ? List.of() : review.flags());
    }

    /** The loop so far: per principle asked and per story used; once completed, what LoopCompleted records. */
    public static LoopSummary summarise(Loop state) {
        int slots = state.plan().interviews().stream().mapToInt(i -> i.slots().size()).sum();
        int answers = 0;
        int inTarget = 0;
        List<PrincipleOutcome> outcomes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<SlotKey, AskedQuestion> entry : state.questions().entrySet()) {
            AskedQuestion q = entry.getValue();
            Loop.Answer a = q.answer();
            List<String> wentBadly = q.probes().stream().filter(p -> Boolean.FALSE.equals(p.handledWell())).map(Loop.Probe::text).toList();
            int poorly = wentBadly.size();
            outcomes.add(new PrincipleOutcome(q.principle(), a == null ? null : a.storyId(), a == null ? null : a.storyRevision(), q.rating(),
                    a == null ? null : a.durationSeconds(), q.probes().size(), poorly, a == null ? List.of() : a.flags()));
            if (a == null) {
                continue;
            }
            answers++;
            AnswerTiming timing = a.timing();
            if (timing == AnswerTiming.ON_TARGET) {
                inTarget++;
            }
            if (timing.flagged()) {
                warnings.add(q.principle() + " (interview " + entry.getKey().interviewIndex() + ", slot " + entry.getKey().slotIndex() + "): answer took "
                        + a.durationSeconds() + " s, outside " + AnswerTiming.FLAG_BELOW + "-" + AnswerTiming.FLAG_ABOVE + " s");
            }
            if (poorly > 0) {
                warnings.add(q.principle() + ": " + poorly + " probe(s) went badly: \"" + String.join("\", \"", wentBadly) + "\"");
            }
        }
        List<StoryUse> uses = StoryUse.of(outcomes);
        for (StoryUse use : uses) {
            if (use.answers() > LoopPlanner.MAX_ANSWERS_PER_STORY) {
                warnings.add("Story " + use.storyId() + " answered " + use.answers() + " questions: over-reliance on one story");
            }
        }
        return new LoopSummary(answers < slots, state.questions().size(), answers, inTarget, outcomes, uses, warnings);
    }

    public static Loop evolve(Loop state, LoopEvent event) {
        if (event instanceof LoopPlanned planned) {
            return new Loop(planned.loopId(), planned.orgId(), planned.clientId(), planned.bankId(), planned.mode(), planned.plan(), Map.of(), false);
        }
        Map<SlotKey, AskedQuestion> questions = new HashMap<>(state.questions());
        if (event instanceof QuestionAsked asked) {
            questions.put(new SlotKey(asked.interviewIndex(), asked.slotIndex()),
                    new AskedQuestion(asked.questionId(), asked.principle(), asked.text(), null, List.of(), null, null, null));
            return with(state, questions, false);
        }
        if (event instanceof AnswerGiven given) {
            SlotKey key = new SlotKey(given.interviewIndex(), given.slotIndex());
            AskedQuestion q = questions.get(key);
            questions.put(key, new AskedQuestion(q.questionId(), q.principle(), q.text(),
                    new Loop.Answer(given.storyId(), given.storyRevision(), given.durationSeconds(), given.transcript(),
                            given.measures() == null ? List.of() : given.measures().flags()), q.probes(), q.rating(),
                    q.interviewerId(), q.notes()));
            return with(state, questions, false);
        }
        if (event instanceof ProbeAsked probe) {
            SlotKey key = new SlotKey(probe.interviewIndex(), probe.slotIndex());
            AskedQuestion q = questions.get(key);
            List<Loop.Probe> probes = new ArrayList<>(q.probes());
            probes.add(new Loop.Probe(probe.text(), probe.response(), probe.handledWell()));
            questions.put(key, new AskedQuestion(q.questionId(), q.principle(), q.text(), q.answer(), probes, q.rating(), q.interviewerId(), q.notes()));
            return with(state, questions, false);
        }
        if (event instanceof AnswerRated rated) {
            SlotKey key = new SlotKey(rated.interviewIndex(), rated.slotIndex());
            AskedQuestion q = questions.get(key);
            questions.put(key, new AskedQuestion(q.questionId(), q.principle(), q.text(), q.answer(), q.probes(), rated.rating(), rated.interviewerId(),
                    rated.notes()));
            return with(state, questions, false);
        }
        if (event instanceof LoopCompleted) {
            return with(state, questions, true);
        }
        throw new IllegalArgumentException("Unhandled event " + event);
    }

    private static Loop with(Loop state, Map<SlotKey, AskedQuestion> questions, boolean completed) {
        return new Loop(state.loopId(), state.orgId(), state.clientId(), state.bankId(), state.mode(), state.plan(), questions, completed);
    }

    public static Loop fold(List<LoopEvent> events) {
        Loop state = Loop.NONE;
        for (LoopEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
