package com.storyloop.story.stories.domain;

import java.util.List;

/**
 * A story as a user submitted it, before any rule was checked: STAR sections or free text, principle codes as strings.
 * {@link StoryRules#validText} turns it into a {@link StoryText} or lists every problem.
 */
public record StoryInput(String title, String situation, String task, String action, String result, String text, List<String> principles,
                         String projectTag) {

    public StoryInput {
        principles = principles == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(principles));
    }

    public static StoryInput star(String title, String situation, String task, String action, String result, List<String> principles) {
        return new StoryInput(title, situation, task, action, result, null, principles, null);
    }

    public static StoryInput freeText(String title, String text, List<String> principles) {
        return new StoryInput(title, null, null, null, null, text, principles, null);
    }

    public StoryInput withProjectTag(String tag) {
        return new StoryInput(title, situation, task, action, result, text, principles, tag);
    }
}
