package com.storyloop.practice.loops.domain;

import java.time.Instant;

/** What a coach, interviewer or client asks of a loop; imperative. */
public sealed interface LoopCommand {

    record PlanLoop(String loopId, String orgId, String clientId, String bankId, LoopMode mode, LoopPlan plan, Instant now) implements LoopCommand {
    }

    record AskQuestion(int interviewIndex, int slotIndex, String questionId, String text, Instant now) implements LoopCommand {
    }

    /** An answer; the review holds the rubric engine's flags on the transcript, or is null without one. */
    record GiveAnswer(int interviewIndex, int slotIndex, String storyId, int storyRevision, int durationSeconds, String transcript,
                      TranscriptReview review, Instant now) implements LoopCommand {

        public GiveAnswer(int interviewIndex, int slotIndex, String storyId, int storyRevision, int durationSeconds, String transcript, Instant now) {
            this(interviewIndex, slotIndex, storyId, storyRevision, durationSeconds, transcript, null, now);
        }
    }

    /** What the rubric engine flagged on what was actually said, and its version. */
    record TranscriptReview(String rubricVersion, java.util.List<String> flags) {

        public TranscriptReview {
            flags = java.util.List.copyOf(flags);
        }
    }

    record AskProbe(int interviewIndex, int slotIndex, String text, String response, Boolean handledWell, Instant now) implements LoopCommand {
    }

    record RateAnswer(int interviewIndex, int slotIndex, String interviewerId, Rating rating, String notes, Instant now) implements LoopCommand {
    }

    record CompleteLoop(Instant now) implements LoopCommand {
    }
}
