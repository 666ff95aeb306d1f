package com.storyloop.story.stories.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.stories.domain.Story;
import com.storyloop.story.stories.domain.StoryCommand;
import com.storyloop.story.stories.domain.StoryDecider;
import com.storyloop.story.stories.domain.StoryEvent;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/** Revises, re-claims, attaches a deep dive to, retires or restores a story, at the version the caller last read. */
@Service
public class ChangeStoryHandler {

    private final StoryRepository stories;
    private final Access access;

    public ChangeStoryHandler(StoryRepository stories, Access access) {
        this.stories = stories;
        this.access = access;
    }

    /** The story after the change, and its new stream version (its new ETag). */
    public record Changed(Story story, long version) {
    }

    @Transactional
    public Changed change(Caller caller, String storyId, long expectedVersion, StoryCommand command, EventContext context) {
        // the story's own organisation and client (from its stream) decide, before the version is compared, so a refused
        // caller learns nothing, not even the story's version, and nothing is appended
        StoryRepository.Loaded loaded = stories.load(storyId)
                .filter(l -> access.canSeeClient(caller, l.story().orgId(), l.story().clientId()))
                .orElseThrow(() -> new ResourceNotFound("story", storyId));
        if (loaded.version() != expectedVersion) {
            // the caller decided on a state that is gone: refuse before judging the command against a state they never saw
            throw new StreamVersionConflict(storyId, expectedVersion, loaded.version());
        }
        List<StoryEvent> events = StoryDecider.decide(command, loaded.story());
        long version = stories.append(loaded.story(), expectedVersion, events, context);
        Story after = loaded.story();
        for (StoryEvent event : events) {
            after = StoryDecider.evolve(after, event);
        }
        return new Changed(after, version);
    }
}
