package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

/** Bank questions for one principle as the question picker shows them: text, follow-up probes, and where each came from. */
public final class QuestionChoices {

    public record QuestionChoice(String questionId, String text, List<String> probes, String provenance) {
    }

    private QuestionChoices() {
    }

    /** From GET /api/questions?principle=...: the page's items. */
    public static List<QuestionChoice> fromPage(Map<String, Object> page) {
        List<QuestionChoice> choices = new ArrayList<>();
        for (Map<String, Object> item : JsonFields.objects(page, "items")) {
            if (JsonFields.text(item, "questionId") == null) {
                continue;
            }
            choices.add(new QuestionChoice(JsonFields.text(item, "questionId"), JsonFields.text(item, "text"), JsonFields.texts(item, "probes"), provenance(item)));
        }
        return List.copyOf(choices);
    }

    /** "built-in, level L7, variant of ow-01" or "pack acme-pack 2 from provider p-1": the question's origin as text. */
    static String provenance(Map<String, Object> item) {
        List<String> parts = new ArrayList<>();
        String source = JsonFields.text(item, "source");
        String pack = JsonFields.text(item, "packId");
        if (pack != null) {
            String version = JsonFields.text(item, "packVersion");
            parts.add("pack " + pack + (version == null ? "" : " " + version)
                    + (JsonFields.text(item, "providerId") == null ? "" : " from provider " + JsonFields.text(item, "providerId")));
        } else {
            parts.add(source == null ? "source not recorded" : source);
        }
        if (JsonFields.text(item, "level") != null) {
            parts.add("level " + JsonFields.text(item, "level"));
        } else {
            parts.add("any level");
        }
        if (JsonFields.text(item, "variantOf") != null) {
            parts.add("variant of " + JsonFields.text(item, "variantOf"));
        }
        return String.join(", ", parts);
    }
}
