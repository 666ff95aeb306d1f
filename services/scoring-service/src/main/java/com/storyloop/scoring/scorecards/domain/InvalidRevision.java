package com.storyloop.scoring.scorecards.domain;

/** A story event that describes no scorable revision; the consumer dead-letters it. */
public final class InvalidRevision extends RuntimeException {

    private final String field;

    public InvalidRevision(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
