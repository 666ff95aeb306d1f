package com.storyloop.scoring.coaching.domain;

import java.util.List;

/** A coach score the rules refuse; lists every problem found, not only the first. */
public final class InvalidCoachScore extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidCoachScore(List<InputProblem> problems) {
        super("Invalid " + String.join(", ", problems.stream().map(InputProblem::field).distinct().toList()));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
