package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bank questions for one principle as the question picker shows them: text, follow-up probes, and where each came from. */
public final class QuestionChoices {

    public record QuestionChoice(String questionId, String text, List<String> probes, String provenance) {
    }

    private QuestionChoices() {
    }

    /** From GET /api/questions?principle=...: the page's items. */
    public static List<QuestionChoice> fromPage(Map<String, Object> page) {
        List<QuestionChoice> choices = new ArrayList<>();
        for (Map<String, Object> item : Bodies.objects(page, "items")) {
            if (Bodies.text(item, "questionId") == null) {
                continue;
            }
            choices.add(new QuestionChoice(Bodies.text(item, "questionId"), Bodies.text(item, "text"), Bodies.texts(item, "probes"), provenance(item)));
        }
        return List.copyOf(choices);
    }

    /** "built-in, level L7, variant of ow-01" or "pack acme-pack 2 from provider p-1": the question's origin as text. */
    static String provenance(Map<String, Object> item) {
        List<String> parts = new ArrayList<>();
        String source = Bodies.text(item, "source");
        String pack = Bodies.text(item, "packId");
        if (pack != null) {
            String version = Bodies.text(item, "packVersion");
            parts.add("pack " + pack + (version == null ? "" : " " + version)
                    + (Bodies.text(item, "providerId") == null ? "" : " from provider " + Bodies.text(item, "providerId")));
        } else {
            parts.add(source == null ? "source not recorded" : source);
        }
        if (Bodies.text(item, "level") != null) {
            parts.add("level " + Bodies.text(item, "level"));
        } else {
            parts.add("any level");
        }
        if (Bodies.text(item, "variantOf") != null) {
            parts.add("variant of " + Bodies.text(item, "variantOf"));
        }
        return String.join(", ", parts);
    }
}
