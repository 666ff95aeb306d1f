package com.storyloop.console.stories.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

import static com.storyloop.console.web.JsonFields.integer;
import static com.storyloop.console.web.JsonFields.objects;
import static com.storyloop.console.web.JsonFields.text;
import static com.storyloop.console.web.JsonFields.texts;

/**
 * story-service's word diff between two revisions, laid out as two columns per section: the older revision on the left
 * with its deleted words, the newer on the right with its inserted words. Unchanged words appear in both.
 */
public record SideBySideDiff(int from, int to, List<SectionPair> sections, List<String> principlesAdded, List<String> principlesRemoved) {

    /** {@code kind} is EQUAL, DELETE or INSERT: the template writes DELETE as del and INSERT as ins. */
    public record Piece(String text, String kind) {

        public boolean deleted() {
            return "DELETE".equals(kind);
        }

        public boolean inserted() {
            return "INSERT".equals(kind);
        }
    }

    /** One section; {@code status} UNCHANGED, CHANGED, ADDED or REMOVED as the service says. */
    public record SectionPair(String section, String label, String status, List<Piece> left, List<Piece> right) {

        public boolean changed() {
            return !"UNCHANGED".equals(status);
        }

        public String statusText() {
            switch (status == null ? "" : status) {
                case "UNCHANGED":
                    return "unchanged";
                case "CHANGED":
                    return "changed";
                case "ADDED":
                    return "added in the newer revision";
                case "REMOVED":
                    return "removed in the newer revision";
                default:
                    return status == null ? "" : status.toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    public static SideBySideDiff from(Map<String, Object> diff) {
        List<SectionPair> sections = new ArrayList<>();
        for (Map<String, Object> section : objects(diff, "sections")) {
            List<Piece> left = new ArrayList<>();
            List<Piece> right = new ArrayList<>();
            for (Map<String, Object> change : objects(section, "changes")) {
                String op = text(change, "op");
                String words = JsonFields.textOrEmpty(change, "text");
                if ("DELETE".equals(op)) {
                    add(left, words, "DELETE");
                } else if ("INSERT".equals(op)) {
                    add(right, words, "INSERT");
                } else {
                    add(left, words, "EQUAL");
                    add(right, words, "EQUAL");
                }
            }
            String name = text(section, "section");
            sections.add(new SectionPair(name, RubricPreview.humanize(name == null ? "" : name.toUpperCase(java.util.Locale.ROOT)),
                    text(section, "status"), left, right));
        }
        Integer from = integer(diff, "from");
        Integer to = integer(diff, "to");
        return new SideBySideDiff(from == null ? 0 : from, to == null ? 0 : to, sections,
                texts(diff, "principlesAdded"), texts(diff, "principlesRemoved"));
    }

    /** Consecutive pieces of one kind are joined, so a column reads as one text and a deletion as one del element. */
    private static void add(List<Piece> column, String words, String kind) {
        if (words.isEmpty()) {
            return;
        }
        if (!column.isEmpty() && column.get(column.size() - 1).kind().equals(kind)) {
            Piece last = column.remove(column.size() - 1);
            column.add(new Piece(last.text() + words, kind));
        } else {
            column.add(new Piece(words, kind));
        }
    }

    public boolean principlesChanged() {
        return !principlesAdded.isEmpty() || !principlesRemoved.isEmpty();
    }

    public boolean identical() {
        for (SectionPair section : sections) {
            if (section.changed()) {
                return false;
            }
        }
        return !principlesChanged();
    }
}
