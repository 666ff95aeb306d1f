package com.storyloop.story.stories.application;

import java.util.List;
import java.util.Optional;

import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.stories.domain.Story;
import com.storyloop.story.stories.domain.StoryEvent;

/** Port: where stories' events live. */
public interface StoryRepository {

    /** The story folded from its events, and its stream version. */
    Optional<Loaded> load(String storyId);

    /** Every event of the story in stream order (version = index + 1): what the read side folds. */
    List<StoryEvent> history(String storyId);

    /**
     * Holds off other drafts into this bank until the transaction ends and counts the stories it holds, so the per-bank
     * limit holds under concurrent drafts.
     */
    int lockBankAndCountStories(String bankId);

    /** Appends to the story's stream at the expected version; conflicts surface as StreamVersionConflict. */
    long append(Story before, long expectedVersion, List<StoryEvent> events, EventContext context);

    record Loaded(Story story, long version) {
    }
}
