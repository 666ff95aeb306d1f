package com.storyloop.scoring.coaching.domain;

/** One thing wrong with a coach's score, named by its field (for example {@code dimensions.FRICTION} or {@code flags[1]}). */
public record InputProblem(String field, String message) {
}
