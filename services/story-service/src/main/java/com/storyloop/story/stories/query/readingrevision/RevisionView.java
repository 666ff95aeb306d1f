package com.storyloop.story.stories.query.readingrevision;

import java.time.Instant;
import java.util.List;

/**
 * The exact text of one revision, as its author submitted it: STAR sections or free text (the other fields are null),
 * the principles claimed with it, and the note on what changed.
 */
public record RevisionView(String storyId, String bankId, int revision, boolean latest, String title, String format, String situation,
                           String task, String action, String result, String text, List<String> principles, String projectTag,
                           String note, Instant revisedAt) {
}
