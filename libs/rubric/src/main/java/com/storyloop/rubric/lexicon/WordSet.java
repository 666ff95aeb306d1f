package com.storyloop.rubric.lexicon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Single-word matcher: exact words, "prefix*" and "*suffix" entries. */
public final class WordSet {
    private final Set<String> exact = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();

    public WordSet(Collection<String> entries) {
        for (String raw : entries) {
            String e = PhraseCompiler.normalizeWord(raw);
            if (e.length() > 1 && e.endsWith("*")) {
                prefixes.add(e.substring(0, e.length() - 1));
            } else if (e.length() > 1 && e.startsWith("*")) {
                suffixes.add(e.substring(1));
            } else {
                exact.add(e);
            }
        }
    }

    public boolean matches(String w) {
        if (exact.contains(w)) {
            return true;
        }
        for (String p : prefixes) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        for (String s : suffixes) {
            if (w.endsWith(s)) {
                return true;
            }
        }
        return false;
    }
}
