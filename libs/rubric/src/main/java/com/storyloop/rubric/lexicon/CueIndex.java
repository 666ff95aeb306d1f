package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.SentenceSpan;
import com.storyloop.rubric.text.StoryText;
import com.storyloop.rubric.text.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All lexicons of a rubric definition compiled into one index keyed by the first token (a char
 * trie for exact and prefix words). Matching a story is one pass over its tokens; each candidate
 * is verified in place, so cost grows with text length, not with lexicon size.
 */
public final class CueIndex {

    private static final class Variant {
        final Cue cue;
        final Element[] elements;

        Variant(Cue cue, Element[] elements) {
            this.cue = cue;
            this.elements = elements;
        }
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        final List<Variant> exact = new ArrayList<>();
        final List<Variant> prefix = new ArrayList<>();
    }

    private final List<String> lexiconNames;
    private final Map<String, Integer> lexiconIds;
    private final List<Cue> cues;
    private final Node root = new Node();
    private final List<Variant> generic = new ArrayList<>();

    private CueIndex(List<String> names, List<Cue> cues, List<Variant> variants) {
        this.lexiconNames = List.copyOf(names);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        this.lexiconIds = Collections.unmodifiableMap(ids);
        this.cues = List.copyOf(cues);
        for (Variant v : variants) {
            for (Atom a : v.elements[0].alternatives) {
                switch (a.type) {
                    case EXACT: node(a.text).exact.add(v); break;
                    case PREFIX: node(a.text).prefix.add(v); break;
                    default:
                        if (!generic.contains(v)) {
                            generic.add(v);
                        }
                        break;
                }
            }
        }
    }

    private Node node(String word) {
        Node n = root;
        for (int i = 0; i < word.length(); i++) {
            n = n.next.computeIfAbsent(word.charAt(i), c -> new Node());
        }
        return n;
    }

    public static Builder builder(Map<String, List<String>> classes) {
        return new Builder(classes);
    }

    /** Collects named lexicons; names must be unique. */
    public static final class Builder {
        private final PhraseCompiler compiler;
        private final List<String> names = new ArrayList<>();
        private final List<Cue> cues = new ArrayList<>();
        private final List<Variant> variants = new ArrayList<>();

        private Builder(Map<String, List<String>> classes) {
            this.compiler = new PhraseCompiler(classes);
        }

        public Builder add(String lexicon, List<String> patterns) {
            if (names.contains(lexicon)) {
                throw new IllegalArgumentException("duplicate lexicon " + lexicon);
            }
            int id = names.size();
            names.add(lexicon);
            for (String p : patterns) {
                PhraseCompiler.Compiled c;
                try {
                    c = compiler.compile(p);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("lexicon " + lexicon + ": " + e.getMessage(), e);
                }
                Cue cue = new Cue(id, cues.size(), p.strip(), c.negatedOnly, c.literals);
                cues.add(cue);
                for (Element[] v : c.variants) {
                    variants.add(new Variant(cue, v));
                }
            }
            return this;
        }

        public CueIndex build() {
            return new CueIndex(names, cues, variants);
        }
    }

    public int lexiconCount() {
        return lexiconNames.size();
    }

    public int lexiconId(String name) {
        Integer id = lexiconIds.get(name);
        if (id == null) {
            throw new IllegalArgumentException("the rubric definition has no lexicon '" + name + "'");
        }
        return id;
    }

    public boolean hasLexicon(String name) {
        return lexiconIds.containsKey(name);
    }

    public String lexiconName(int id) {
        return lexiconNames.get(id);
    }

    /** Finds every cue of every lexicon in the story and classifies its polarity. */
    public LexiconHits match(StoryText story, PolarityClassifier polarity) {
        Token[] toks = story.tokens;
        int cueCount = cues.size();
        int[] lastStart = new int[cueCount];
        Arrays.fill(lastStart, -1);
        int[] lastSlot = new int[cueCount];
        List<int[]> found = new ArrayList<>(); // {cueId, start, end, sentence}
        List<Variant> candidates = new ArrayList<>();
        for (SentenceSpan s : story.sentences) {
            int sentEnd = s.tokenEnd;
            for (int i = s.tokenStart; i < sentEnd; i++) {
                candidates.clear();
                collect(toks[i], candidates);
                for (Variant v : candidates) {
                    int end = matchFrom(v.elements, 1, toks, i + 1, sentEnd);
                    if (end < 0) {
                        continue;
                    }
                    int cid = v.cue.id;
                    if (lastStart[cid] == i) {
                        int[] prev = found.get(lastSlot[cid]);
                        if (end > prev[2]) {
                            prev[2] = end;
                        }
                        continue;
                    }
                    lastStart[cid] = i;
                    lastSlot[cid] = found.size();
                    found.add(new int[]{cid, i, end, s.index});
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<int[]>[] per = new List[lexiconNames.size()];
        for (int[] f : found) {
            int lex = cues.get(f[0]).lexicon;
            if (per[lex] == null) {
                per[lex] = new ArrayList<>();
            }
            per[lex].add(f);
        }
        LexiconHits hits = new LexiconHits(lexiconNames.size());
        for (int lex = 0; lex < per.length; lex++) {
            if (per[lex] == null) {
                continue;
            }
            List<int[]> l = per[lex];
            l.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : a[2] != b[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
            List<CueMatch> kept = new ArrayList<>(l.size());
            int keptEnd = -1;
            for (int[] f : l) {
                if (f[1] < keptEnd) {
                    continue;
                }
                SentenceSpan s = story.sentences.get(f[3]);
                Cue cue = cues.get(f[0]);
                Polarity p = polarity.classify(toks, cue, f[1], f[2], s.tokenStart, s.tokenEnd);
                kept.add(new CueMatch(cue, f[1], f[2], f[3], p));
                keptEnd = f[2];
            }
            hits.set(lex, kept);
        }
        return hits;
    }

    private void collect(Token t, List<Variant> out) {
        String w = t.norm;
        Node n = root;
        boolean complete = true;
        for (int k = 0; k < w.length(); k++) {
            n = n.next.get(w.charAt(k));
            if (n == null) {
                complete = false;
                break;
            }
            out.addAll(n.prefix);
        }
        if (complete) {
            out.addAll(n.exact);
        }
        for (Variant v : generic) {
            if (v.elements[0].matches(t)) {
                out.add(v);
            }
        }
    }

    /** Matches elements[e..] from token t; returns the end token (exclusive) or -1. Gaps match shortest first. */
    static int matchFrom(Element[] els, int e, Token[] toks, int t, int limit) {
        if (e == els.length) {
            return t;
        }
        Element el = els[e];
        if (el.isGap()) {
            for (int g = 0; g <= el.gap && t + g <= limit; g++) {
                int r = matchFrom(els, e + 1, toks, t + g, limit);
                if (r >= 0) {
                    return r;
                }
            }
            return -1;
        }
        if (t >= limit || !el.matches(toks[t])) {
            return -1;
        }
        return matchFrom(els, e + 1, toks, t + 1, limit);
    }
}
