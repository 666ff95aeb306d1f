package com.storyloop.story.bank.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.storyloop.story.bank.domain.BankRuleViolation;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/** The bank's rule violations as RFC 9457 problem details naming the field (shared errors: libs/web-support). */
@RestControllerAdvice(assignableTypes = BankController.class)
class BankApiErrors {

    @ExceptionHandler(BankRuleViolation.class)
    ProblemDetail ruleViolation(BankRuleViolation e) {
        return Problems.of(HttpStatus.CONFLICT, "Refused by the story bank's rules", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }
}
