package com.storyloop.story.stories.query.gettingstory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.stories.application.StoryRepository;
import com.storyloop.story.stories.domain.Story;
import com.storyloop.story.stories.domain.StoryBody;
import com.storyloop.story.stories.domain.StoryDecider;
import com.storyloop.story.stories.domain.StoryEvent;
import com.storyloop.web.access.Access;

/**
 * A story folded from its own stream (always current): the state the next change must be based on, and its ETag. A story
 * the caller may not see reads as absent.
 */
@Component
public class GettingStory {

    private final StoryRepository stories;
    private final Access access;

    public GettingStory(StoryRepository stories, Access access) {
        this.stories = stories;
        this.access = access;
    }

    public Optional<StoryView> byId(Caller caller, String storyId) {
        List<StoryEvent> history = stories.history(storyId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Story story = StoryDecider.fold(history);
        if (!access.canSeeClient(caller, story.orgId(), story.clientId())) {
            return Optional.empty();
        }
        List<StoryView.RevisionEntry> revisions = new ArrayList<>();
        String retiredReason = null;
        for (StoryEvent event : history) {
            if (event instanceof StoryEvent.StoryDrafted drafted) {
                revisions.add(new StoryView.RevisionEntry(1, drafted.text().title(), null, drafted.text().body().wordCount(), drafted.occurredAt()));
            } else if (event instanceof StoryEvent.StoryRevised revised) {
                revisions.add(new StoryView.RevisionEntry(revised.revision(), revised.text().title(), revised.note(),
                        revised.text().body().wordCount(), revised.occurredAt()));
            } else if (event instanceof StoryEvent.StoryRetired retired) {
                retiredReason = retired.reason();
            } else if (event instanceof StoryEvent.StoryRestored) {
                retiredReason = null;
            }
        }
        StoryBody body = story.text().body();
        StoryBody.Star star = body instanceof StoryBody.Star s ? s : null;
        Instant draftedAt = history.get(0).occurredAt();
        Instant changedAt = history.get(history.size() - 1).occurredAt();
        return Optional.of(new StoryView(story.storyId(), story.bankId(), story.orgId(), story.clientId(), history.size(), story.revision(),
                story.text().title(), star != null ? "STAR" : "TEXT", star == null ? null : star.situation(), star == null ? null : star.task(),
                star == null ? null : star.action(), star == null ? null : star.result(),
                body instanceof StoryBody.FreeText free ? free.text() : null,
                story.text().principles().stream().map(Enum::name).toList(), story.text().projectTag(),
                story.deepDive().stream().map(d -> new StoryView.DeepDiveSectionView(d.heading(), d.text())).toList(), story.retired(),
                retiredReason, draftedAt, changedAt, revisions));
    }
}
