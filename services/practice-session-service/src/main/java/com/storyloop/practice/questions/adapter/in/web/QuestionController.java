package com.storyloop.practice.questions.adapter.in.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.query.listingquestions.ListingQuestions;
import com.storyloop.practice.questions.query.listingquestions.QuestionPage;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

@RestController
class QuestionController {

    static final int MAX_PAGE_SIZE = 100;

    private final ListingQuestions listing;

    QuestionController(ListingQuestions listing) {
        this.listing = listing;
    }

    @GetMapping("/api/questions")
    QuestionPage list(@RequestParam(required = false) String principle, @RequestParam(required = false) String level,
                      @RequestParam(required = false) String source, @RequestParam(required = false, defaultValue = "0") String page,
                      @RequestParam(required = false, defaultValue = "20") String size) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Principle> wantedPrinciple = Optional.empty();
        if (principle != null && !principle.isBlank()) {
            wantedPrinciple = Principle.ofCode(principle);
            if (wantedPrinciple.isEmpty()) {
                problems.add(new FieldProblem("principle", "not one of the 16 principle codes: " + Arrays.toString(Principle.values())));
            }
        }
        Optional<Level> wantedLevel = Optional.empty();
        if (level != null && !level.isBlank()) {
            wantedLevel = Arrays.stream(Level.values()).filter(l -> l.name().equals(level)).findFirst();
            if (wantedLevel.isEmpty()) {
                problems.add(new FieldProblem("level", "must be one of " + Arrays.toString(Level.values())));
            }
        }
        int pageNumber = number(page, "page", 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, problems);
        int pageSize = number(size, "size", 1, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput("Invalid question filters", problems);
        }
        Optional<String> wantedSource = source == null || source.isBlank() ? Optional.empty() : Optional.of(source);
        return listing.list(wantedPrinciple, wantedLevel, wantedSource, pageNumber, pageSize);
    }

    private static int number(String value, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
        return min;
    }
}
