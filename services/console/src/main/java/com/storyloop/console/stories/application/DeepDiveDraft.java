package com.storyloop.console.stories.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

import static com.storyloop.console.web.JsonFields.integer;
import static com.storyloop.console.web.JsonFields.objects;
import static com.storyloop.console.web.JsonFields.textOrEmpty;

/**
 * The deep-dive appendix as edited: the form posts headings and texts as two parallel lists; a row left entirely
 * blank is no section (that is how one is removed), so the form can always offer one empty row for a new section.
 */
public record DeepDiveDraft(List<Section> sections, Long version) {

    public record Section(String heading, String text) {
    }

    public DeepDiveDraft {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static DeepDiveDraft of(Map<String, Object> story) {
        List<Section> sections = new ArrayList<>();
        for (Map<String, Object> section : objects(story, "deepDive")) {
            sections.add(new Section(textOrEmpty(section, "heading"), textOrEmpty(section, "text")));
        }
        Integer version = integer(story, "version");
        return new DeepDiveDraft(sections, version == null ? null : version.longValue());
    }

    public static DeepDiveDraft fromForm(List<String> headings, List<String> texts, Long version) {
        List<String> h = headings == null ? List.of() : headings;
        List<String> t = texts == null ? List.of() : texts;
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < Math.max(h.size(), t.size()); i++) {
            String heading = i < h.size() && h.get(i) != null ? h.get(i) : "";
            String text = i < t.size() && t.get(i) != null ? t.get(i) : "";
            if (!heading.isBlank() || !text.isBlank()) {
                sections.add(new Section(heading, text));
            }
        }
        return new DeepDiveDraft(sections, version);
    }

    /** The whole appendix for story-service; an empty list removes it. */
    public Map<String, Object> body() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Section section : sections) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("heading", section.heading());
            s.put("text", section.text());
            list.add(s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sections", list);
        return body;
    }

    /** The rows the form shows: every section, then one empty row to add another. */
    public List<Section> rowsWithBlank() {
        List<Section> rows = new ArrayList<>(sections);
        rows.add(new Section("", ""));
        return rows;
    }

    public String ifMatch() {
        return version == null ? null : "\"" + version + "\"";
    }

    /** The form field names an error may point at, for {@link EditorErrors}. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        names.add("sections");
        for (int i = 0; i < sections.size(); i++) {
            names.add("sections[" + i + "].heading");
            names.add("sections[" + i + "].text");
            names.add("sections[" + i + "]");
        }
        return names;
    }
}
