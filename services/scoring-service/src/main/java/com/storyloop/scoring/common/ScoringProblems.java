package com.storyloop.scoring.common;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.storyloop.scoring.rubrics.domain.UnknownRubricVersion;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/** Refusals several scoring endpoints share, as RFC 9457 problem details naming the field (the rest: libs/web-support). */
@RestControllerAdvice
class ScoringProblems {

    @ExceptionHandler(UnknownRubricVersion.class)
    ResponseEntity<ProblemDetail> unknownVersion(UnknownRubricVersion e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown rubric version", e.getMessage(),
                        List.of(new FieldProblem("rubricVersion", e.getMessage()))));
    }
}
