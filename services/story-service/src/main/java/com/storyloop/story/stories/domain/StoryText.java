package com.storyloop.story.stories.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.List;

/**
 * Everything one revision says: title, body, claimed principles and project tag, exactly as the author typed them
 * (never trimmed or normalised, so a revision reads back byte for byte).
 */
public record StoryText(String title, StoryBody body, List<Principle> principles, String projectTag) {

    public StoryText {
        principles = List.copyOf(principles);
    }

    public StoryText withPrinciples(List<Principle> claimed) {
        return new StoryText(title, body, claimed, projectTag);
    }
}
