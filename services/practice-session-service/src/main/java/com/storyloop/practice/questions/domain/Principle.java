package com.storyloop.practice.questions.domain;

import java.util.Optional;

/** The 16 Amazon Leadership Principles, coded as in rubric.md; every question probes one of them. */
public enum Principle {
    CUSTOMER_OBSESSION,
    OWNERSHIP,
    INVENT_AND_SIMPLIFY,
    ARE_RIGHT_A_LOT,
    LEARN_AND_BE_CURIOUS,
    HIRE_AND_DEVELOP,
    HIGHEST_STANDARDS,
    THINK_BIG,
    BIAS_FOR_ACTION,
    FRUGALITY,
    EARN_TRUST,
    DIVE_DEEP,
    BACKBONE,
    DELIVER_RESULTS,
    EARTHS_BEST_EMPLOYER,
    BROAD_RESPONSIBILITY;

    /** The principle with exactly this code, if it is one of the 16. */
    public static Optional<Principle> ofCode(String code) {
        for (Principle principle : values()) {
            if (principle.name().equals(code)) {
                return Optional.of(principle);
            }
        }
        return Optional.empty();
    }
}
