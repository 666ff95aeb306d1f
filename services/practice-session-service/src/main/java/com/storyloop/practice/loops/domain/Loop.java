package com.storyloop.practice.loops.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.storyloop.rubric.scorecard.Principle;

/** A loop as folded from its events; {@link #NONE} before it is planned. Questions are keyed by interview and slot. */
public record Loop(String loopId, String orgId, String clientId, String bankId, LoopMode mode, LoopPlan plan, Map<SlotKey, AskedQuestion> questions,
                   boolean completed) {

    public static final Loop NONE = new Loop(null, null, null, null, null, null, Map.of(), false);

    public Loop {
        questions = java.util.Collections.unmodifiableMap(new TreeMap<>(questions));
    }

    public boolean planned() {
        return loopId != null;
    }

    public Optional<AskedQuestion> question(int interviewIndex, int slotIndex) {
        return Optional.ofNullable(questions.get(new SlotKey(interviewIndex, slotIndex)));
    }

    public record SlotKey(int interviewIndex, int slotIndex) implements Comparable<SlotKey> {

        @Override
        public int compareTo(SlotKey other) {
            return interviewIndex != other.interviewIndex ? Integer.compare(interviewIndex, other.interviewIndex)
                    : Integer.compare(slotIndex, other.slotIndex);
        }
    }

    /** A question asked, with its answer, probes and rating as they arrive. */
    public record AskedQuestion(String questionId, Principle principle, String text, Answer answer, List<Probe> probes, Rating rating,
                                String interviewerId, String notes) {

        public AskedQuestion {
            probes = List.copyOf(probes);
        }
    }

    /** An answer and the rubric engine's flags on its transcript (empty without one). */
    public record Answer(String storyId, int storyRevision, int durationSeconds, String transcript, List<String> flags) {

        public Answer {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }

        public AnswerTiming timing() {
            return AnswerTiming.of(durationSeconds);
        }
    }

    public record Probe(String text, String response, Boolean handledWell) {
    }
}
