package com.storyloop.practice.examples.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.practice.examples.query.listingexamplestories.ExampleStoryPage;
import com.storyloop.practice.examples.query.listingexamplestories.ListingExampleStories;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.security.caller.Caller;
import com.storyloop.practice.questions.adapter.in.web.LibraryFilters;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/** The example-story library: provider examples (model answers and counter-examples) with their provenance. */
@RestController
class ExampleStoryController {

    private final ListingExampleStories listing;

    ExampleStoryController(ListingExampleStories listing) {
        this.listing = listing;
    }

    @GetMapping("/api/example-stories")
    ExampleStoryPage list(Caller caller, @RequestParam(required = false) String principle, @RequestParam(required = false) String level,
                          @RequestParam(required = false) String provider, @RequestParam(required = false, defaultValue = "0") String page,
                          @RequestParam(required = false, defaultValue = "20") String size) {
        List<FieldProblem> problems = new ArrayList<>();
        LibraryFilters filters = new LibraryFilters(problems);
        Optional<Principle> wantedPrinciple = filters.principle(principle);
        Optional<Level> wantedLevel = filters.level(level);
        if (provider != null && provider.length() > 200) {
            problems.add(new FieldProblem("provider", "at most 200 characters"));
        }
        int pageNumber = filters.page(page);
        int pageSize = filters.size(size);
        if (!problems.isEmpty()) {
            throw new InvalidInput("Invalid example-story filters", problems);
        }
        Optional<String> wantedProvider = provider == null || provider.isBlank() ? Optional.empty() : Optional.of(provider);
        return listing.list(caller, wantedPrinciple, wantedLevel, wantedProvider, pageNumber, pageSize);
    }
}
