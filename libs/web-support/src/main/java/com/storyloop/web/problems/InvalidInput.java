package com.storyloop.web.problems;

import java.util.List;

/** Input that breaks the rules of its fields; answered 400 listing every problem found, not only the first. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInput(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(FieldProblem problem) {
        this(problem.field() + ": " + problem.message(), List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
