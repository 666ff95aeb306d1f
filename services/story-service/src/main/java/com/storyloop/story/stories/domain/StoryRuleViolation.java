package com.storyloop.story.stories.domain;

/** A command that the story's rules refuse in its current state (HTTP 409); the message is for the user. */
public final class StoryRuleViolation extends RuntimeException {

    private final String field;

    public StoryRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
