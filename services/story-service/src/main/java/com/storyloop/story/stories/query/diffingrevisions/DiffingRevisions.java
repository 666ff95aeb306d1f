package com.storyloop.story.stories.query.diffingrevisions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.stories.query.readingrevision.ReadingRevision;
import com.storyloop.story.stories.query.readingrevision.RevisionView;

/** The timeline's "what changed": two revisions read back exactly, compared word by word per section. */
@Component
public class DiffingRevisions {

    private final ReadingRevision reading;

    public DiffingRevisions(ReadingRevision reading) {
        this.reading = reading;
    }

    /** Empty when the story or either revision does not exist, or the caller may not see the story. */
    public Optional<RevisionDiff> diff(Caller caller, String storyId, int from, int to) {
        List<RevisionView> revisions = reading.revisions(caller, storyId);
        if (from < 1 || to < 1 || from > revisions.size() || to > revisions.size()) {
            return Optional.empty();
        }
        RevisionView a = revisions.get(from - 1);
        RevisionView b = revisions.get(to - 1);
        Map<String, String> before = sections(a);
        Map<String, String> after = sections(b);
        List<String> names = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        List<RevisionDiff.SectionDiff> diffs = new ArrayList<>();
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            String status = old == null ? "ADDED" : now == null ? "REMOVED" : old.equals(now) ? "UNCHANGED" : "CHANGED";
            diffs.add(new RevisionDiff.SectionDiff(name, status, WordDiff.between(old, now)));
        }
        List<String> added = b.principles().stream().filter(p -> !a.principles().contains(p)).toList();
        List<String> removed = a.principles().stream().filter(p -> !b.principles().contains(p)).toList();
        return Optional.of(new RevisionDiff(storyId, from, to, diffs, added, removed));
    }

    private static Map<String, String> sections(RevisionView revision) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("title", revision.title());
        put(sections, "situation", revision.situation());
        put(sections, "task", revision.task());
        put(sections, "action", revision.action());
        put(sections, "result", revision.result());
        put(sections, "text", revision.text());
        return sections;
    }

    private static void put(Map<String, String> sections, String name, String text) {
        if (text != null) {
            sections.put(name, text);
        }
    }
}
