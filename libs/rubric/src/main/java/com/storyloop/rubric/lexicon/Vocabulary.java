package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Every exact word and every prefix used by any pattern, numbered. A story's tokens are resolved
 * once (one hash lookup and one trie walk per token); matching then works on integer ids.
 */
final class Vocabulary {
    private static final int[] NONE = new int[0];

    private static final int CACHE_LIMIT = 50_000;

    private final Map<String, Integer> words = new HashMap<>();
    /** What a word resolves to; a pure function of the word, so caching cannot change results. */
    private final ConcurrentHashMap<String, WordInfo> cache = new ConcurrentHashMap<>();
    private volatile boolean frozen;

    private record WordInfo(int id, int[] prefixes, int classes) {
    }
    private final Node prefixRoot = new Node();
    private int prefixCount;

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        int id = -1;
    }

    int word(String w) {
        if (frozen) {
            Integer id = words.get(w);
            if (id == null) {
                throw new IllegalStateException("vocabulary is frozen");
            }
            return id;
        }
        return words.computeIfAbsent(w, k -> words.size());
    }

    /** No more words or prefixes; lookups from now on may be cached. */
    void freeze() {
        frozen = true;
    }

    int prefix(String p) {
        Node n = prefixRoot;
        for (int i = 0; i < p.length(); i++) {
            n = n.next.computeIfAbsent(p.charAt(i), c -> new Node());
        }
        if (n.id < 0) {
            n.id = prefixCount++;
        }
        return n.id;
    }

    int wordCount() {
        return words.size();
    }

    int prefixCount() {
        return prefixCount;
    }

    /** The tokens of one story with their vocabulary ids and word classes. */
    TokenView view(Token[] toks, ToIntFunction<String> classes) {
        int[] ids = new int[toks.length];
        int[][] prefixes = new int[toks.length][];
        int[] cls = new int[toks.length];
        for (int i = 0; i < toks.length; i++) {
            String w = toks[i].norm;
            WordInfo info = cache.get(w);
            if (info == null) {
                info = resolve(w, classes);
                if (frozen && cache.size() < CACHE_LIMIT) {
                    cache.putIfAbsent(w, info);
                }
            }
            ids[i] = info.id();
            prefixes[i] = info.prefixes();
            cls[i] = info.classes();
        }
        return new TokenView(toks, ids, prefixes, cls);
    }

    private WordInfo resolve(String w, ToIntFunction<String> classes) {
        Integer id = words.get(w);
        List<Integer> buf = null;
        Node n = prefixRoot;
        for (int k = 0; k < w.length(); k++) {
            n = n.next.get(w.charAt(k));
            if (n == null) {
                break;
            }
            if (n.id >= 0) {
                if (buf == null) {
                    buf = new ArrayList<>(2);
                }
                buf.add(n.id);
            }
        }
        int[] p = NONE;
        if (buf != null) {
            p = new int[buf.size()];
            for (int k = 0; k < p.length; k++) {
                p[k] = buf.get(k);
            }
        }
        return new WordInfo(id == null ? -1 : id, p, classes.applyAsInt(w));
    }
}
