package com.storyloop.practice.examples.adapter.in.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.practice.examples.query.listingexamplestories.ExampleStoryPage;
import com.storyloop.practice.examples.query.listingexamplestories.ListingExampleStories;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/** The example-story library: provider examples (model answers and counter-examples) with their provenance. */
@RestController
class ExampleStoryController {

    static final int MAX_PAGE_SIZE = 100;

    private final ListingExampleStories listing;

    ExampleStoryController(ListingExampleStories listing) {
        this.listing = listing;
    }

    @GetMapping("/api/example-stories")
    ExampleStoryPage list(@RequestParam(required = false) String principle, @RequestParam(required = false) String level,
                          @RequestParam(required = false) String provider, @RequestParam(required = false, defaultValue = "0") String page,
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
        if (provider != null && provider.length() > 200) {
            problems.add(new FieldProblem("provider", "at most 200 characters"));
        }
        int pageNumber = number(page, "page", 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, problems);
        int pageSize = number(size, "size", 1, MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput("Invalid example-story filters", problems);
        }
        Optional<String> wantedProvider = provider == null || provider.isBlank() ? Optional.empty() : Optional.of(provider);
        return listing.list(wantedPrinciple, wantedLevel, wantedProvider, pageNumber, pageSize);
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
