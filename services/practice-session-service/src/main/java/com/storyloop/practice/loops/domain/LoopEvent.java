package com.storyloop.practice.loops.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * One story's part in the loop: the principles it answered, the interviewer's ratings of those answers, how long they
     * took, and how its probes went; all of it folded from the loop's principle outcomes.
     */
    record StoryUse(String storyId, int answers, List<Principle> principles, List<Rating> ratings, Integer averageSeconds, int answersOutsideTime,
                    int probesHandledPoorly) {

        public StoryUse {
            principles = List.copyOf(principles);
            ratings = List.copyOf(ratings);
        }

        /** The use of {@code storyId} among these outcomes (answered ones only). */
        static StoryUse of(String storyId, List<PrincipleOutcome> outcomes) {
            List<Principle> principles = new ArrayList<>();
            List<Rating> ratings = new ArrayList<>();
            int seconds = 0;
            int timed = 0;
            int outside = 0;
            int poorly = 0;
            for (PrincipleOutcome o : outcomes) {
                if (!storyId.equals(o.storyId())) {
                    continue;
                }
                principles.add(o.principle());
                if (o.rating() != null) {
                    ratings.add(o.rating());
                }
                if (o.durationSeconds() != null) {
                    seconds += o.durationSeconds();
                    timed++;
                    outside += AnswerTiming.of(o.durationSeconds()).flagged() ? 1 : 0;
                }
                poorly += o.probesHandledPoorly();
            }
            return new StoryUse(storyId, principles.size(), principles, ratings, timed == 0 ? null : Math.round((float) seconds / timed), outside, poorly);
        }

        /** Every story answered among these outcomes, in the order first used. */
        public static List<StoryUse> of(List<PrincipleOutcome> outcomes) {
            return outcomes.stream().map(PrincipleOutcome::storyId).filter(Objects::nonNull).distinct().map(id -> of(id, outcomes)).toList();
        }
    }
}
