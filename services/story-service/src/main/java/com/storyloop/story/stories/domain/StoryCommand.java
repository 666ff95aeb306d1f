package com.storyloop.story.stories.domain;

import java.time.Instant;
import java.util.List;

/** What a user asks of a story; imperative. Input arrives raw: the decider checks it. */
public sealed interface StoryCommand {

    /** The facts about the bank a draft needs: whose it is, and how many stories it already holds. */
    record DraftingBank(String bankId, String orgId, String clientId, int storyCount) {
    }

    record DraftStory(String storyId, DraftingBank bank, StoryInput input, Instant now) implements StoryCommand {
    }

    record ReviseStory(StoryInput input, String note, Instant now) implements StoryCommand {
    }

    record ClaimPrinciples(List<String> principles, Instant now) implements StoryCommand {
    }

    record AttachDeepDive(List<DeepDiveSection> sections, Instant now) implements StoryCommand {
    }

    record RetireStory(String reason, Instant now) implements StoryCommand {
    }

    record RestoreStory(Instant now) implements StoryCommand {
    }
}
