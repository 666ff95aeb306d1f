package com.storyloop.rubric.scorecard;

/** The sixteen Leadership Principles, by the codes used everywhere in Storyloop. */
public enum Principle {
    CUSTOMER_OBSESSION("Customer Obsession"),
    OWNERSHIP("Ownership"),
    INVENT_AND_SIMPLIFY("Invent and Simplify"),
    ARE_RIGHT_A_LOT("Are Right, A Lot"),
    LEARN_AND_BE_CURIOUS("Learn and Be Curious"),
    HIRE_AND_DEVELOP("Hire and Develop the Best"),
    HIGHEST_STANDARDS("Insist on the Highest Standards"),
    THINK_BIG("Think Big"),
    BIAS_FOR_ACTION("Bias for Action"),
    FRUGALITY("Frugality"),
    EARN_TRUST("Earn Trust"),
    DIVE_DEEP("Dive Deep"),
    BACKBONE("Have Backbone; Disagree and Commit"),
    DELIVER_RESULTS("Deliver Results"),
    EARTHS_BEST_EMPLOYER("Strive to be Earth's Best Employer"),
    BROAD_RESPONSIBILITY("Success and Scale Bring Broad Responsibility");

    private final String title;

    Principle(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The principle with exactly this code (as events and APIs carry it), if it is one of the 16. */
    public static java.util.Optional<Principle> ofCode(String code) {
        for (Principle p : values()) {
            if (p.name().equals(code)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** Parses a code (case-insensitive, surrounding blanks ignored); empty if unknown. */
    public static java.util.Optional<Principle> parse(String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        String c = code.trim().toUpperCase(java.util.Locale.ROOT);
        for (Principle p : values()) {
            if (p.name().equals(c)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
