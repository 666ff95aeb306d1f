package com.storyloop.coverage.timeline.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of one story revision, by section: SITUATION, TASK, ACTION, RESULT for a STAR story, TEXT for free text. */
public record RevisionText(int revision, Instant at, Map<String, String> sections) {

    public static final String[] SECTIONS = {"SITUATION", "TASK", "ACTION", "RESULT", "TEXT"};

    public RevisionText {
        Map<String, String> copy = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            String text = sections.get(section);
            if (text != null) {
                copy.put(section, text);
            }
        }
        sections = Map.copyOf(copy);
    }

    public String section(String name) {
        return sections.getOrDefault(name, "");
    }

    public String whole() {
        StringBuilder all = new StringBuilder();
        for (String section : SECTIONS) {
            all.append(section(section)).append('\n');
        }
        return all.toString();
    }
}
