package com.storyloop.practice.questions.adapter.in.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.web.problems.FieldProblem;

/**
 * The filters and paging the content libraries share (questions, example stories): each bad value becomes a problem
 * naming its query parameter, so one 400 lists them all.
 */
public final class LibraryFilters {

    public static final int MAX_PAGE_SIZE = 100;

    private final List<FieldProblem> problems;

    public LibraryFilters(List<FieldProblem> problems) {
        this.problems = problems;
    }

    public Optional<Principle> principle(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Principle> principle = Principle.ofCode(code);
        if (principle.isEmpty()) {
            problems.add(new FieldProblem("principle", "not one of the 16 principle codes: " + Arrays.toString(Principle.values())));
        }
        return principle;
    }

    public Optional<Level> level(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Level> level = Arrays.stream(Level.values()).filter(l -> l.name().equals(code)).findFirst();
        if (level.isEmpty()) {
            problems.add(new FieldProblem("level", "must be one of " + Arrays.toString(Level.values())));
        }
        return level;
    }

    public int page(String value) {
        return number(value, "page", 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    }

    public int size(String value) {
        return number(value, "size", 1, MAX_PAGE_SIZE);
    }

    private int number(String value, String field, int min, int max) {
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
