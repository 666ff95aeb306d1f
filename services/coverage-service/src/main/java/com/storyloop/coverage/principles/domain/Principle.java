package com.storyloop.coverage.principles.domain;

/** The 16 Leadership Principles, coded as in rubric.md. */
public enum Principle {
    CUSTOMER_OBSESSION, OWNERSHIP, INVENT_AND_SIMPLIFY, ARE_RIGHT_A_LOT, LEARN_AND_BE_CURIOUS, HIRE_AND_DEVELOP,
    HIGHEST_STANDARDS, THINK_BIG, BIAS_FOR_ACTION, FRUGALITY, EARN_TRUST, DIVE_DEEP, BACKBONE, DELIVER_RESULTS,
    EARTHS_BEST_EMPLOYER, BROAD_RESPONSIBILITY;

    /** The principle with this code, or null for a code this version does not know (e.g. UNKNOWN). */
    public static Principle ofCode(String code) {
        for (Principle p : values()) {
            if (p.name().equals(code)) {
                return p;
            }
        }
        return null;
    }
}
