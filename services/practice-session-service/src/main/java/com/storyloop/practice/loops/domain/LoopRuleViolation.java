package com.storyloop.practice.loops.domain;

/** A command the loop's rules refuse; the message is for the user and names the rule, the field names what is at fault. */
public final class LoopRuleViolation extends RuntimeException {

    private final String field;

    public LoopRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
