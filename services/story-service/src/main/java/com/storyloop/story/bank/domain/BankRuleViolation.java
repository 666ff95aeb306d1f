package com.storyloop.story.bank.domain;

/** A command that the bank's rules refuse; the message is for the user and names the rule. */
public final class BankRuleViolation extends RuntimeException {

    private final String field;

    public BankRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
