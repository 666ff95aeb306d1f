package com.storyloop.console.practice.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.storyloop.console.web.JsonFields;

/** The client's stories as the answer form offers them (title and current revision), read from the story bank. */
public final class StoryChoices {

    public record StoryChoice(String storyId, String title, int revision, List<String> principles) {

        /** "Title (revision 3)": the revision is part of what is recorded with the answer, so it is shown. */
        public String label() {
            return title + " (revision " + revision + ")";
        }
    }

    private final Map<String, StoryChoice> byId;

    private StoryChoices(Map<String, StoryChoice> byId) {
        this.byId = byId;
    }

    /** From GET /api/clients/{clientId}/bank; retired stories are not offered. */
    public static StoryChoices fromBank(Map<String, Object> bank) {
        Map<String, StoryChoice> byId = new LinkedHashMap<>();
        for (Map<String, Object> story : JsonFields.objects(bank, "stories")) {
            if (JsonFields.flag(story, "retired") || JsonFields.text(story, "storyId") == null) {
                continue;
            }
            Integer revision = JsonFields.integer(story, "revision");
            String title = JsonFields.text(story, "title");
            byId.put(JsonFields.text(story, "storyId"), new StoryChoice(JsonFields.text(story, "storyId"), title == null || title.isBlank() ? "Untitled story" : title,
                    revision == null ? 1 : revision, JsonFields.texts(story, "principles")));
        }
        return new StoryChoices(byId);
    }

    public static StoryChoices none() {
        return new StoryChoices(Map.of());
    }

    public List<StoryChoice> all() {
        return List.copyOf(byId.values());
    }

    public Optional<StoryChoice> find(String storyId) {
        return Optional.ofNullable(storyId == null ? null : byId.get(storyId));
    }

    /** The title to show for a story id; a story no longer in the bank is named by its id, so nothing is hidden. */
    public String titleOf(String storyId) {
        if (storyId == null) {
            return null;
        }
        StoryChoice choice = byId.get(storyId);
        return choice == null ? "Story " + storyId : choice.title();
    }
}
