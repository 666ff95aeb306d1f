package com.storyloop.scoring.preview.application;

import java.util.List;

import com.storyloop.web.problems.FieldProblem;

/** A story the preview cannot score, naming the fields at fault and how bad it is. */
public final class InvalidPreview extends RuntimeException {

    public enum Kind {
        /** structurally wrong: not JSON, wrong types, empty, text and STAR both or neither (400) */
        MALFORMED,
        /** over a size limit (413) */
        TOO_LARGE,
        /** well-formed but unusable: unknown principle, level or rubric version, binary content (422) */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final List<FieldProblem> problems;

    public InvalidPreview(Kind kind, String message, List<FieldProblem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public InvalidPreview(Kind kind, FieldProblem problem) {
        this(kind, problem.field() + ": " + problem.message(), List.of(problem));
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
