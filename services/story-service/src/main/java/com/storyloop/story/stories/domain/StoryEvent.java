package com.storyloop.story.stories.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.time.Instant;
import java.util.List;

/** What happened to a story; past tense, no suffix. Nothing is overwritten: every revision keeps its own event. */
public sealed interface StoryEvent {

    String storyId();

    Instant occurredAt();

    /** Revision 1 of a new story in a bank. */
    record StoryDrafted(String storyId, String bankId, String orgId, String clientId, StoryText text, Instant occurredAt)
            implements StoryEvent {
    }

    /** A complete new text; revision = previous + 1. */
    record StoryRevised(String storyId, int revision, StoryText text, String note, Instant occurredAt) implements StoryEvent {
    }

    /** The claimed set replaced without a new text; {@code revision} is the text the claim applies to. */
    record PrinciplesClaimed(String storyId, int revision, List<Principle> principles, Instant occurredAt) implements StoryEvent {
    }

    /** The appendix replaced; an empty list removes it. */
    record DeepDiveAttached(String storyId, List<DeepDiveSection> sections, Instant occurredAt) implements StoryEvent {
    }

    record StoryRetired(String storyId, String reason, Instant occurredAt) implements StoryEvent {
    }

    record StoryRestored(String storyId, Instant occurredAt) implements StoryEvent {
    }
}
