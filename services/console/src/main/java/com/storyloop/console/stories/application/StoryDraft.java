package com.storyloop.console.stories.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

import static com.storyloop.console.web.JsonFields.integer;
import static com.storyloop.console.web.JsonFields.textOrEmpty;
import static com.storyloop.console.web.JsonFields.texts;

/**
 * The editor's fields exactly as the user typed them. The same values go to the live preview, to the save, and back
 * into the form when a save is refused, so a refusal never costs the user their text. Field names are the form's
 * parameter names and the services' JSON names.
 *
 * @param format  STAR or TEXT (free text) as story-service names it: which text fields the editor shows (the story's own
 *                format, never chosen here)
 * @param version the story version the user started from, sent as If-Match so a concurrent change is not overwritten
 */
public record StoryDraft(String format, String title, String situation, String task, String action, String result, String text,
                         List<String> principles, String projectTag, String note, Long version) {

    public static final String STAR = "STAR";

    public StoryDraft {
        principles = principles == null ? List.of() : List.copyOf(principles);
    }

    /** The story as story-service returned it, ready to edit (the note starts empty: it describes the next change). */
    public static StoryDraft of(Map<String, Object> story) {
        Integer version = integer(story, "version");
        return new StoryDraft(textOrEmpty(story, "format"), JsonFields.text(story, "title"), JsonFields.text(story, "situation"),
                JsonFields.text(story, "task"), JsonFields.text(story, "action"), JsonFields.text(story, "result"), JsonFields.text(story, "text"),
                texts(story, "principles"), JsonFields.text(story, "projectTag"), null,
                version == null ? null : version.longValue());
    }

    /** Anything but STAR is one text ("TEXT" today); an unknown format (a story that could not be read) shows STAR. */
    public boolean freeText() {
        return format != null && !format.isBlank() && !STAR.equals(format);
    }

    /** The editor's fields for this format, in the order the form shows them. */
    public List<String> fieldNames() {
        return freeText() ? List.of("title", "text", "principles", "projectTag", "note")
                : List.of("title", "situation", "task", "action", "result", "principles", "projectTag", "note");
    }

    public boolean claims(String code) {
        return principles.contains(code);
    }

    /** What scoring-service needs to score the text as it stands: no note, no version. */
    public Map<String, Object> scoringBody() {
        Map<String, Object> body = textBody();
        body.put("principles", new ArrayList<>(principles));
        return body;
    }

    /** A complete new revision for story-service (a revision replaces the whole text, it is not a patch). */
    public Map<String, Object> revisionBody() {
        Map<String, Object> body = textBody();
        body.put("principles", new ArrayList<>(principles));
        body.put("projectTag", blankToNull(projectTag));
        body.put("note", blankToNull(note));
        return body;
    }

    /** The If-Match value for a change made from this draft, or null when the form lost its version. */
    public String ifMatch() {
        return version == null ? null : "\"" + version + "\"";
    }

    /** The same text at another version: after a save, the form continues from the new one with an empty note. */
    public StoryDraft savedAs(long newVersion) {
        return new StoryDraft(format, title, situation, task, action, result, text, principles, projectTag, null, newVersion);
    }

    private Map<String, Object> textBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", orEmpty(title));
        if (freeText()) {
            body.put("text", orEmpty(text));
        } else {
            body.put("situation", orEmpty(situation));
            body.put("task", orEmpty(task));
            body.put("action", orEmpty(action));
            body.put("result", orEmpty(result));
        }
        return body;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
