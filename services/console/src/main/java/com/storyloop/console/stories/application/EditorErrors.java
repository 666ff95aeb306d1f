package com.storyloop.console.stories.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused save, sorted for the form: each service message goes next to the field it names ({@code principles[2]}
 * belongs to the principles, {@code sections[0].heading} to the deep dive's first heading), and what names no field
 * of the form (a stale If-Match, say) is said once above it.
 */
public final class EditorErrors {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private final String summary;

    private EditorErrors(String summary) {
        this.summary = summary;
    }

    public static EditorErrors none() {
        return new EditorErrors(null);
    }

    /**
     * @param summary     the sentence shown above the form
     * @param fieldErrors the service's field errors, field name to message
     * @param formFields  the form's own field names; any other field's message is listed under the summary
     */
    public static EditorErrors of(String summary, Map<String, String> fieldErrors, List<String> formFields) {
        EditorErrors errors = new EditorErrors(summary);
        fieldErrors.forEach((field, message) -> {
            String slot = slot(field);
            if (formFields.contains(slot)) {
                errors.byField.computeIfAbsent(slot, f -> new ArrayList<>()).add(message(field, message));
            } else if (!message.isBlank() && !message.equals(summary)) {
                errors.general.add(message);
            }
        });
        return errors;
    }

    /** "principles[2]" and "principles" share the principles slot; "sections[0].heading" becomes "sections[0].heading". */
    static String slot(String field) {
        if (field == null) {
            return "";
        }
        int bracket = field.indexOf('[');
        if (bracket > 0 && !field.startsWith("sections[")) {
            return field.substring(0, bracket);
        }
        return field;
    }

    /** The service says "is required" about "title": the form shows "Title is required" so the line reads on its own. */
    static String message(String field, String message) {
        String name = readableName(field);
        return message.startsWith("\"") || Character.isUpperCase(message.isEmpty() ? 'a' : message.charAt(0)) ? message : name + " " + message;
    }

    static String readableName(String field) {
        if (field.startsWith("sections[")) {
            int close = field.indexOf(']');
            try {
                int index = Integer.parseInt(field.substring("sections[".length(), close));
                String part = field.substring(close + 1).replace(".", "");
                return "Section " + (index + 1) + (part.isEmpty() ? "" : " " + part);
            } catch (RuntimeException malformed) {
                return field;
            }
        }
        if (field.startsWith("principles")) {
            return "The principles";
        }
        if ("projectTag".equals(field)) {
            return "The project tag";
        }
        return "The " + field;
    }

    public boolean any() {
        return summary != null;
    }

    public String summary() {
        return summary;
    }

    public List<String> general() {
        return general;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages for one field joined into one sentence each, or the empty string. */
    public String of(String field) {
        return String.join(" ", byField.getOrDefault(field, List.of()));
    }

    /** Every message for fields starting with {@code prefix}, e.g. all of one deep-dive row's "sections[0]...". */
    public String startingWith(String prefix) {
        List<String> messages = new ArrayList<>();
        byField.forEach((field, list) -> {
            if (field.startsWith(prefix)) {
                messages.addAll(list);
            }
        });
        return String.join(" ", messages);
    }

    public Map<String, List<String>> byField() {
        return byField;
    }
}
