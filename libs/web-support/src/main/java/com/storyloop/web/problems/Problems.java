package com.storyloop.web.problems;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details in the house shape: a title, a sentence for the user, and {@code errors: [{field, message}]}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(status, title, detail);
        problem.setProperty("errors", errors.stream().map(FieldProblem::toMap).toList());
        return problem;
    }
}
