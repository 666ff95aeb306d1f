package com.storyloop.practice.loops.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.storyloop.practice.loops.domain.LoopRuleViolation;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/** The loop's rule violations (reusing a story for a principle, answering an unasked question, ...) as 409 problem details. */
@RestControllerAdvice(assignableTypes = LoopController.class)
class LoopApiErrors {

    @ExceptionHandler(LoopRuleViolation.class)
    ProblemDetail ruleViolation(LoopRuleViolation e) {
        return Problems.of(HttpStatus.CONFLICT, "Refused by the practice loop's rules", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }
}
