package com.storyloop.practice.questions.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.security.caller.Caller;
import com.storyloop.practice.questions.query.listingquestions.ListingQuestions;
import com.storyloop.practice.questions.query.listingquestions.QuestionPage;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

@RestController
class QuestionController {

    private final ListingQuestions listing;

    QuestionController(ListingQuestions listing) {
        this.listing = listing;
    }

    @GetMapping("/api/questions")
    QuestionPage list(Caller caller, @RequestParam(required = false) String principle, @RequestParam(required = false) String level,
                      @RequestParam(required = false) String source, @RequestParam(required = false, defaultValue = "0") String page,
                      @RequestParam(required = false, defaultValue = "20") String size) {
        List<FieldProblem> problems = new ArrayList<>();
        LibraryFilters filters = new LibraryFilters(problems);
        Optional<Principle> wantedPrinciple = filters.principle(principle);
        Optional<Level> wantedLevel = filters.level(level);
        int pageNumber = filters.page(page);
        int pageSize = filters.size(size);
        if (!problems.isEmpty()) {
            throw new InvalidInput("Invalid question filters", problems);
        }
        Optional<String> wantedSource = source == null || source.isBlank() ? Optional.empty() : Optional.of(source);
        return listing.list(caller, wantedPrinciple, wantedLevel, wantedSource, pageNumber, pageSize);
    }
}
