package com.storyloop.practice.loops.domain;

import java.util.List;

import com.storyloop.rubric.scorecard.Principle;

/** A proposed loop: interviews with their principle slots and stories, and readable warnings. */
public record LoopPlan(List<PlannedInterview> interviews, List<String> warnings) {

    public LoopPlan {
        interviews = List.copyOf(interviews);
        warnings = List.copyOf(warnings);
    }

    public record PlannedInterview(int interviewIndex, String interviewerRole, String interviewerId, boolean barRaiser, List<PlannedSlot> slots) {

        public PlannedInterview {
            slots = List.copyOf(slots);
        }
    }

    /**
     * One principle question; either a proposed story or the reason none could be proposed, and the bank question
     * suggested for it (null when the bank has none for the principle).
     */
    public record PlannedSlot(int slotIndex, Principle principle, String proposedStoryId, String unfilledReason, String suggestedQuestionId) {

        public PlannedSlot(int slotIndex, Principle principle, String proposedStoryId, String unfilledReason) {
            this(slotIndex, principle, proposedStoryId, unfilledReason, null);
        }

        public boolean filled() {
            return proposedStoryId != null;
        }
    }

    public List<String> unfilledSlots() {
        return interviews.stream().flatMap(i -> i.slots().stream().filter(s -> !s.filled())
                .map(s -> "interview " + (i.interviewIndex() + 1) + ", question " + (s.slotIndex() + 1) + " (" + s.principle() + "): "
                        + s.unfilledReason())).toList();
    }

    public PlannedSlot slot(int interviewIndex, int slotIndex) {
        if (interviewIndex < 0 || interviewIndex >= interviews.size()) {
            return null;
        }
        List<PlannedSlot> slots = interviews.get(interviewIndex).slots();
        return slotIndex < 0 || slotIndex >= slots.size() ? null : slots.get(slotIndex);
    }
}
