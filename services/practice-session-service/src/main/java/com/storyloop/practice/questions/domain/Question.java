package com.storyloop.practice.questions.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.List;

/**
 * An interview question of the bank: the principle it probes, the follow-up probes an interviewer uses, and the level it
 * is pitched at (null for any level; an L7 variant asks for organisation-wide scope and names the question it varies).
 */
public record Question(String questionId, Principle principle, Level level, String text, List<String> probes, String variantOf,
                       Provenance provenance) {

    public Question {
        probes = List.copyOf(probes);
    }

    /** Pitched at this level: either for any level or exactly for it. */
    public boolean suits(Level wanted) {
        return level == null || level == wanted;
    }
}
