package com.storyloop.console.web;

import java.util.Arrays;
import java.util.List;

import com.storyloop.rubric.scorecard.Principle;

/**
 * The 16 principles as the console shows them, from the rubric library's one list (codes and names): a code this
 * console does not know yet is shown as it is rather than dropped.
 */
public final class Principles {

    public static final List<String> CODES = Arrays.stream(Principle.values()).map(Principle::name).toList();

    private Principles() {
    }

    public static String name(String code) {
        return code == null ? "" : Principle.ofCode(code).map(Principle::title).orElse(code);
    }

    /** In the rubric's order, for pickers: each has {@code name()} (the code) and {@code title()}. */
    public static List<Principle> all() {
        return List.of(Principle.values());
    }
}
