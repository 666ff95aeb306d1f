package com.storyloop.story.stories.query.diffingrevisions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * A word-level diff: texts cut into words and the whitespace between them, compared with Myers' algorithm in linear
 * space (a 20,000-character story stays cheap), then merged into runs of kept, deleted and inserted text. Concatenating
 * the EQUAL and DELETE runs gives the old text back exactly; EQUAL and INSERT the new one.
 */
public final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public enum Op { EQUAL, DELETE, INSERT }

    public record Change(Op op, String text) {
    }

    private WordDiff() {
    }

    public static List<Change> between(String from, String to) {
        List<String> a = tokens(from == null ? "" : from);
        List<String> b = tokens(to == null ? "" : to);
        Patch<String> patch = DiffUtils.diff(a, b, new MeyersDiffWithLinearSpace<>());
        // token by token first: kept tokens, and per delta the tokens it deletes and inserts
        List<Op> ops = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            a.subList(position, start).forEach(t -> { ops.add(Op.EQUAL); texts.add(t); });
            delta.getSource().getLines().forEach(t -> { ops.add(Op.DELETE); texts.add(t); });
            delta.getTarget().getLines().forEach(t -> { ops.add(Op.INSERT); texts.add(t); });
            position = start + delta.getSource().size();
        }
        a.subList(position, a.size()).forEach(t -> { ops.add(Op.EQUAL); texts.add(t); });
        return readable(ops, texts);
    }

    /**
     * Merges neighbouring changes into one "was / is now" pair: the single spaces kept between two changed words are
     * folded into both sides, and within a pair the deleted text always comes before the inserted text.
     */
    private static List<Change> readable(List<Op> ops, List<String> texts) {
        List<Change> changes = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i) == Op.DELETE) {
                deleted.append(texts.get(i++));
            } else if (ops.get(i) == Op.INSERT) {
                inserted.append(texts.get(i++));
            } else {
                int end = i;
                while (end < ops.size() && ops.get(end) == Op.EQUAL) {
                    end++;
                }
                boolean betweenChanges = (deleted.length() > 0 || inserted.length() > 0) && end < ops.size();
                if (betweenChanges && end - i == 1 && texts.get(i).isBlank()) {
                    deleted.append(texts.get(i));
                    inserted.append(texts.get(i));
                } else {
                    flush(changes, deleted, inserted);
                    add(changes, Op.EQUAL, String.join("", texts.subList(i, end)));
                }
                i = end;
            }
        }
        flush(changes, deleted, inserted);
        return changes;
    }

    private static void flush(List<Change> changes, StringBuilder deleted, StringBuilder inserted) {
        add(changes, Op.DELETE, deleted.toString());
        add(changes, Op.INSERT, inserted.toString());
        deleted.setLength(0);
        inserted.setLength(0);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void add(List<Change> changes, Op op, String text) {
        if (!text.isEmpty()) {
            changes.add(new Change(op, text));
        }
    }
}
