package com.storyloop.console.clients.application;

import java.util.List;
import java.util.Map;

/** The 16 principle codes of docs/rubric.md and their names as people read them, in the rubric's order. */
public final class Principles {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("CUSTOMER_OBSESSION", "Customer Obsession"),
            Map.entry("OWNERSHIP", "Ownership"),
            Map.entry("INVENT_AND_SIMPLIFY", "Invent and Simplify"),
            Map.entry("ARE_RIGHT_A_LOT", "Are Right, A Lot"),
            Map.entry("LEARN_AND_BE_CURIOUS", "Learn and Be Curious"),
            Map.entry("HIRE_AND_DEVELOP", "Hire and Develop the Best"),
            Map.entry("HIGHEST_STANDARDS", "Insist on the Highest Standards"),
            Map.entry("THINK_BIG", "Think Big"),
            Map.entry("BIAS_FOR_ACTION", "Bias for Action"),
            Map.entry("FRUGALITY", "Frugality"),
            Map.entry("EARN_TRUST", "Earn Trust"),
            Map.entry("DIVE_DEEP", "Dive Deep"),
            Map.entry("BACKBONE", "Have Backbone; Disagree and Commit"),
            Map.entry("DELIVER_RESULTS", "Deliver Results"),
            Map.entry("EARTHS_BEST_EMPLOYER", "Strive to be Earth's Best Employer"),
            Map.entry("BROAD_RESPONSIBILITY", "Success and Scale Bring Broad Responsibility"));

    public static final List<String> CODES = List.of("CUSTOMER_OBSESSION", "OWNERSHIP", "INVENT_AND_SIMPLIFY", "ARE_RIGHT_A_LOT", "LEARN_AND_BE_CURIOUS", "HIRE_AND_DEVELOP", "HIGHEST_STANDARDS", "THINK_BIG", "BIAS_FOR_ACTION", "FRUGALITY", "EARN_TRUST", "DIVE_DEEP", "BACKBONE", "DELIVER_RESULTS", "EARTHS_BEST_EMPLOYER", "BROAD_RESPONSIBILITY");

    private Principles() {
    }

    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }
}
