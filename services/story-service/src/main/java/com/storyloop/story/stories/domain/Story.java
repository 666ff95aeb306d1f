package com.storyloop.story.stories.domain;

import java.util.List;

/** A story as folded from its events: its current text and revision, appendix and status; {@link #NONE} before its draft. */
public record Story(String storyId, String bankId, String orgId, String clientId, int revision, StoryText text,
                    List<DeepDiveSection> deepDive, boolean retired) {

    public static final Story NONE = new Story(null, null, null, null, 0, null, List.of(), false);

    public boolean drafted() {
        return storyId != null;
    }
}
