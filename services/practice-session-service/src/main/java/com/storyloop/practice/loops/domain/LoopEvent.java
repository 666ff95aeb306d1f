package com.storyloop.practice.loops.domain;

import java.time.Instant;
import java.util.List;

import com.storyloop.rubric.scorecard.Principle;

/** What happened in a loop; past tense, no suffix (published as the practice events of docs/events.md). */
public sealed interface LoopEvent {

    String loopId();

    Instant occurredAt();

    record LoopPlanned(String loopId, String orgId, String clientId, String bankId, LoopMode mode, LoopPlan plan, Instant occurredAt)
            implements LoopEvent {
    }

    record QuestionAsked(String loopId, int interviewIndex, int slotIndex, String questionId, Principle principle, String text,
                         Instant occurredAt) implements LoopEvent {
    }

    record AnswerGiven(String loopId, String questionId, int interviewIndex, int slotIndex, Principle principle, String storyId,
                       int storyRevision, int durationSeconds, String transcript, TranscriptMeasures measures, Instant occurredAt)
            implements LoopEvent {
    }

    record ProbeAsked(String loopId, String questionId, int interviewIndex, int slotIndex, int probeIndex, String text, String response,
                      Boolean handledWell, Instant occurredAt) implements LoopEvent {
    }

    record AnswerRated(String loopId, String questionId, int interviewIndex, int slotIndex, String interviewerId, Rating rating, String notes,
                       Instant occurredAt) implements LoopEvent {
    }

    record LoopCompleted(String loopId, LoopSummary summary, Instant occurredAt) implements LoopEvent {
    }

    /** Speaking rate and filler words measured on a transcript. */
    /** Speaking rate, filler words and the rubric engine's flags (with its version; null when no engine ran) on a transcript. */
    record TranscriptMeasures(int wordsPerMinute, int fillerWords, String rubricVersion, List<String> flags) {

        public TranscriptMeasures {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /** The loop's summary per principle asked and per story used. */
    record LoopSummary(boolean abandoned, int questionsAsked, int answersGiven, int answersInTargetTime, List<PrincipleOutcome> principles,
                       List<StoryUse> storyUse, List<String> warnings) {

        public LoopSummary {
            principles = List.copyOf(principles);
            storyUse = List.copyOf(storyUse);
            warnings = List.copyOf(warnings);
        }
    }

    record PrincipleOutcome(Principle principle, String storyId, Integer storyRevision, Rating rating, Integer durationSeconds, int probesAsked,
                            int probesHandledPoorly, List<String> flags) {

        public PrincipleOutcome {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    record StoryUse(String storyId, int answers, List<Principle> principles) {

        public StoryUse {
            principles = List.copyOf(principles);
        }
    }
}
