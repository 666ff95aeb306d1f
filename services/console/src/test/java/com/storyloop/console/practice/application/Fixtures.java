package com.storyloop.console.practice.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Service bodies as the console receives them (maps and lists), trimmed to what the builders read. */
final class Fixtures {

    static final String ROLLBACK = "45826a13-45a1-40a3-9097-6e0d8f4184c4";
    static final String APPROVAL = "d8c41ea7-80f5-4c7a-9162-838a29226292";

    private Fixtures() {
    }

    static StoryChoices bank() {
        return StoryChoices.fromBank(Map.of("stories", List.of(
                story(ROLLBACK, "Rolled back a conversion win", 3, false),
                story(APPROVAL, "Replaced a five-step approval", 2, false),
                story("retired-1", "An old story", 1, true))));
    }

    static Map<String, Object> story(String id, String title, int revision, boolean retired) {
        return Map.of("storyId", id, "title", title, "revision", revision, "retired", retired, "principles", List.of("OWNERSHIP"));
    }

    /** Like Map.of, but a value may be null (JSON null). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> slot(int index, String principle, String storyId, String reason, String questionId) {
        return map("slotIndex", index, "principle", principle, "proposedStoryId", storyId, "unfilledReason", reason, "suggestedQuestionId", questionId);
    }

    static Map<String, Object> interview(int index, String role, boolean barRaiser, List<Map<String, Object>> slots) {
        return map("interviewIndex", index, "interviewerRole", role, "interviewerId", null, "barRaiser", barRaiser, "slots", slots);
    }
}
