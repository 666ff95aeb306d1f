package com.storyloop.story.stories.adapter.in.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.storyloop.story.stories.domain.InvalidStory;
import com.storyloop.story.stories.domain.StoryRuleViolation;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/** The story rules' refusals as RFC 9457 problem details naming the field (shared errors: libs/web-support). */
@RestControllerAdvice(assignableTypes = {StoryController.class, ImportController.class})
class StoryApiErrors {

    @ExceptionHandler(InvalidStory.class)
    ProblemDetail invalid(InvalidStory e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid story", e.getMessage(),
                e.problems().stream().map(p -> new FieldProblem(p.field(), p.message())).toList());
    }

    @ExceptionHandler(StoryRuleViolation.class)
    ProblemDetail ruleViolation(StoryRuleViolation e) {
        return Problems.of(HttpStatus.CONFLICT, "Refused by the story's rules", e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
    }
}
