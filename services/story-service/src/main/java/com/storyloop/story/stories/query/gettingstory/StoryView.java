package com.storyloop.story.stories.query.gettingstory;

import java.time.Instant;
import java.util.List;

/**
 * A story now: its latest text (STAR sections or free text), claimed principles, deep-dive appendix, status, and the
 * list of its revisions. {@code version} is the story stream's ETag; {@code revision} the number of its latest text.
 */
public record StoryView(String storyId, String bankId, String orgId, String clientId, long version, int revision, String title,
                        String format, String situation, String task, String action, String result, String text,
                        List<String> principles, String projectTag, List<DeepDiveSectionView> deepDive, boolean retired,
                        String retiredReason, Instant draftedAt, Instant changedAt, List<RevisionEntry> revisions) {

    public record DeepDiveSectionView(String heading, String text) {
    }

    /** One revision in the story's timeline; its text is at {@code /api/stories/{storyId}/revisions/{revision}}. */
    public record RevisionEntry(int revision, String title, String note, int wordCount, Instant revisedAt) {
    }
}
