package com.storyloop.story.stories.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** The words of a story: the four STAR sections, or free text (whose sections the rubric engine infers). */
public sealed interface StoryBody {

    /** The sections in reading order, by their field name; STAR sections left empty are absent. */
    Map<String, String> sections();

    /** Characters (Unicode code points, so an emoji counts once) in all sections together. */
    default int length() {
        return sections().values().stream().mapToInt(s -> s.codePointCount(0, s.length())).sum();
    }

    /** Whitespace-separated words: what a spoken-length estimate counts. */
    default int wordCount() {
        int words = 0;
        for (String section : sections().values()) {
            String trimmed = section.strip();
            words += trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        }
        return words;
    }

    record Star(String situation, String task, String action, String result) implements StoryBody {

        @Override
        public Map<String, String> sections() {
            Map<String, String> sections = new LinkedHashMap<>();
            putIfPresent(sections, "situation", situation);
            putIfPresent(sections, "task", task);
            putIfPresent(sections, "action", action);
            putIfPresent(sections, "result", result);
            return sections;
        }

        private static void putIfPresent(Map<String, String> sections, String name, String text) {
            if (text != null) {
                sections.put(name, text);
            }
        }
    }

    record FreeText(String text) implements StoryBody {

        @Override
        public Map<String, String> sections() {
            return Map.of("text", text);
        }
    }
}
