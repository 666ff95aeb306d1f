package com.storyloop.console.stories.application;

import java.util.List;

/**
 * The sixteen Leadership Principles as the editor offers them: the code the services expect and the name people read.
 * Only labels live here; which codes are valid is still decided by story-service.
 */
public final class PrincipleCatalog {

    public record Principle(String code, String title) {
    }

    private static final List<Principle> ALL = List.of(
            new Principle("CUSTOMER_OBSESSION", "Customer Obsession"),
            new Principle("OWNERSHIP", "Ownership"),
            new Principle("INVENT_AND_SIMPLIFY", "Invent and Simplify"),
            new Principle("ARE_RIGHT_A_LOT", "Are Right, A Lot"),
            new Principle("LEARN_AND_BE_CURIOUS", "Learn and Be Curious"),
            new Principle("HIRE_AND_DEVELOP", "Hire and Develop the Best"),
            new Principle("HIGHEST_STANDARDS", "Insist on the Highest Standards"),
            new Principle("THINK_BIG", "Think Big"),
            new Principle("BIAS_FOR_ACTION", "Bias for Action"),
            new Principle("FRUGALITY", "Frugality"),
            new Principle("EARN_TRUST", "Earn Trust"),
            new Principle("DIVE_DEEP", "Dive Deep"),
            new Principle("BACKBONE", "Have Backbone; Disagree and Commit"),
            new Principle("DELIVER_RESULTS", "Deliver Results"),
            new Principle("EARTHS_BEST_EMPLOYER", "Strive to be Earth's Best Employer"),
            new Principle("BROAD_RESPONSIBILITY", "Success and Scale Bring Broad Responsibility"));

    private PrincipleCatalog() {
    }

    public static List<Principle> all() {
        return ALL;
    }

    /** The readable name, or the code itself for one this console does not know yet. */
    public static String title(String code) {
        for (Principle p : ALL) {
            if (p.code().equals(code)) {
                return p.title();
            }
        }
        return code;
    }
}
