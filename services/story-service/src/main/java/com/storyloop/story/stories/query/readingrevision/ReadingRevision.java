package com.storyloop.story.stories.query.readingrevision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.stories.application.StoryRepository;
import com.storyloop.story.stories.domain.StoryBody;
import com.storyloop.story.stories.domain.StoryEvent;
import com.storyloop.story.stories.domain.StoryText;
import com.storyloop.web.access.Access;

/** Any past revision, read back from its own event: every revision event carries the whole text, so nothing is lost. */
@Component
public class ReadingRevision {

    private final StoryRepository stories;
    private final Access access;

    public ReadingRevision(StoryRepository stories, Access access) {
        this.stories = stories;
        this.access = access;
    }

    /** Empty when the story or the revision does not exist, or the caller may not see the story. */
    public Optional<RevisionView> revision(Caller caller, String storyId, int revision) {
        List<RevisionView> all = revisions(caller, storyId);
        return revision >= 1 && revision <= all.size() ? Optional.of(all.get(revision - 1)) : Optional.empty();
    }

    /** Every revision of the story in order (empty when there is no such story, or the caller may not see it). */
    public List<RevisionView> revisions(Caller caller, String storyId) {
        List<StoryEvent> history = stories.history(storyId);
        // the first event names the story's organisation and client, which never change
        if (history.isEmpty() || !(history.get(0) instanceof StoryEvent.StoryDrafted first)
                || !access.canSeeClient(caller, first.orgId(), first.clientId())) {
            return List.of();
        }
        List<RevisionView> revisions = new ArrayList<>();
        String bankId = null;
        for (StoryEvent event : history) {
            if (event instanceof StoryEvent.StoryDrafted drafted) {
                bankId = drafted.bankId();
                revisions.add(view(storyId, bankId, 1, drafted.text(), null, drafted.occurredAt()));
            } else if (event instanceof StoryEvent.StoryRevised revised) {
                revisions.add(view(storyId, bankId, revised.revision(), revised.text(), revised.note(), revised.occurredAt()));
            }
        }
        List<RevisionView> marked = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            RevisionView r = revisions.get(i);
            boolean latest = i == revisions.size() - 1;
            marked.add(new RevisionView(r.storyId(), r.bankId(), r.revision(), latest, r.title(), r.format(), r.situation(), r.task(),
                    r.action(), r.result(), r.text(), r.principles(), r.projectTag(), r.note(), r.revisedAt()));
        }
        return marked;
    }

    private static RevisionView view(String storyId, String bankId, int revision, StoryText text, String note, Instant at) {
        StoryBody body = text.body();
        List<String> principles = text.principles().stream().map(Enum::name).toList();
        if (body instanceof StoryBody.Star star) {
            return new RevisionView(storyId, bankId, revision, false, text.title(), "STAR", star.situation(), star.task(), star.action(),
                    star.result(), null, principles, text.projectTag(), note, at);
        }
        return new RevisionView(storyId, bankId, revision, false, text.title(), "TEXT", null, null, null, null,
                ((StoryBody.FreeText) body).text(), principles, text.projectTag(), note, at);
    }
}
