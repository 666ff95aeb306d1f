package com.storyloop.story.bank.query.gettingbank;

import java.time.Instant;
import java.util.List;

/**
 * One story of a bank at its latest revision: enough for a bank overview without reading each story. {@code version}
 * is the story's ETag; {@code format} is STAR or TEXT.
 */
public record StorySummary(String storyId, String title, int revision, long version, String format, List<String> principles,
                           String projectTag, int wordCount, boolean hasDeepDive, boolean retired, Instant draftedAt, Instant changedAt) {
}
