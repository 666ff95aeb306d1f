package com.storyloop.story.stories.query.diffingrevisions;

import java.util.List;

/**
 * What changed from revision {@code from} to revision {@code to}, section by section (title first, then the STAR
 * sections or the free text), word by word, and which claimed principles came and went.
 */
public record RevisionDiff(String storyId, int from, int to, List<SectionDiff> sections, List<String> principlesAdded,
                           List<String> principlesRemoved) {

    /** {@code status}: UNCHANGED, CHANGED, ADDED (only in {@code to}) or REMOVED (only in {@code from}). */
    public record SectionDiff(String section, String status, List<WordDiff.Change> changes) {
    }
}
