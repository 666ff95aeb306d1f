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

    /** One message as listed above the form, with the id of the field it links to (null for none). */
    public record Message(String field, String anchor, String text) {
    }

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
     * @param formFields  the form's own field names, in the order the form shows them; a message for any other field
     *                    is listed under the summary (unless the summary already says it)
     */
    public static EditorErrors of(String summary, Map<String, String> fieldErrors, List<String> formFields) {
        EditorErrors errors = new EditorErrors(summary);
        // the form's order, not the order the messages arrived in: the list reads top to bottom like the form
        for (String formField : formFields) {
            fieldErrors.entrySet().stream()
                    .filter(e -> slot(e.getKey()).equals(formField))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> errors.byField.computeIfAbsent(formField, f -> new ArrayList<>()).add(message(e.getKey(), e.getValue())));
        }
        fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String message = e.getValue() == null ? "" : e.getValue();
            if (!formFields.contains(slot(e.getKey())) && !message.isBlank() && (summary == null || !summary.contains(message))
                    && !errors.general.contains(message)) {
                errors.general.add(message);
            }
        });
        return errors;
    }

    /** "principles[2]" and "principles" share the principles slot; a deep-dive field keeps its own name. */
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

    /** The service says "is required" about "title": the form shows "The title is required" so the line reads on its own. */
    static String message(String field, String message) {
        String text = message == null ? "" : message;
        boolean sentence = text.isEmpty() || text.startsWith("\"") || text.startsWith("'") || Character.isUpperCase(text.charAt(0));
        return sentence ? text : readableName(field) + " " + text;
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

    /** The id of the input a message links to: the field's own id, or a deep-dive row's heading or text box. */
    static String anchor(String field) {
        if (field.startsWith("sections[")) {
            int close = field.indexOf(']');
            String index = close > 0 ? field.substring("sections[".length(), close) : "";
            if (!index.chars().allMatch(Character::isDigit) || index.isEmpty()) {
                return "deep-dive-fields";
            }
            return field.endsWith(".text") ? "dd-text-" + index : "dd-heading-" + index;
        }
        return "sections".equals(field) ? "deep-dive-fields" : field;
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

    /** Every message, field messages first in the form's order, each with the id it links to. */
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        byField.forEach((field, list) -> list.forEach(text -> messages.add(new Message(field, anchor(field), text))));
        general.forEach(text -> messages.add(new Message(null, null, text)));
        return messages;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages for one field joined into one line, or the empty string. */
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
