package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.SentenceSpan;
import com.storyloop.rubric.text.StoryText;
import com.storyloop.rubric.text.TokenKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All lexicons of a rubric definition compiled into one index keyed by the first token. Words
 * and prefixes are numbered in a {@link Vocabulary}; a story's tokens are resolved once, then
 * candidates are found by array lookup and verified in place with bit tests. Cost grows with the
 * text length, not with the number of patterns.
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

    private static final Variant[] NO_VARIANTS = new Variant[0];

    private final List<String> lexiconNames;
    private final Map<String, Integer> lexiconIds;
    private final List<Cue> cues;
    private final Vocabulary vocabulary = new Vocabulary();
    private final Variant[][] byWord;
    private final Variant[][] byPrefix;
    /** Variants whose first position is a token class, by the token kind they can start at. */
    private final Variant[][] genericByKind;
    /** Variants whose first position has a *suffix alternative. */
    private final Variant[] suffixFirst;
    private final PolarityClassifier polarity;

    private CueIndex(List<String> names, List<Cue> cues, List<Variant> variants, PolarityClassifier polarity) {
        this.lexiconNames = List.copyOf(names);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        this.lexiconIds = Collections.unmodifiableMap(ids);
        this.cues = List.copyOf(cues);
        this.polarity = polarity;
        for (Variant v : variants) {
            for (Element e : v.elements) {
                e.register(vocabulary);
            }
        }
        for (Element[] after : polarity.afterPatterns()) {
            for (Element e : after) {
                e.register(vocabulary);
            }
        }
        for (Variant v : variants) {
            for (Element e : v.elements) {
                e.bind(vocabulary);
            }
        }
        for (Element[] after : polarity.afterPatterns()) {
            for (Element e : after) {
                e.bind(vocabulary);
            }
        }
        vocabulary.freeze();
        List<List<Variant>> words = new ArrayList<>();
        for (int i = 0; i < vocabulary.wordCount(); i++) {
            words.add(new ArrayList<>());
        }
        List<List<Variant>> prefixes = new ArrayList<>();
        for (int i = 0; i < vocabulary.prefixCount(); i++) {
            prefixes.add(new ArrayList<>());
        }
        List<List<Variant>> byKind = new ArrayList<>();
        for (int k = 0; k < TokenKind.values().length; k++) {
            byKind.add(new ArrayList<>());
        }
        List<Variant> suffix = new ArrayList<>();
        for (Variant v : variants) {
            boolean kindFirst = false;
            boolean suffixAtom = false;
            for (Atom a : v.elements[0].alternatives) {
                switch (a.type) {
                    case EXACT: words.get(vocabulary.word(a.text)).add(v); break;
                    case PREFIX: prefixes.get(vocabulary.prefix(a.text)).add(v); break;
                    case SUFFIX: suffixAtom = true; break;
                    default: kindFirst = true; break;
                }
            }
            if (kindFirst) {
                for (TokenKind k : TokenKind.values()) {
                    if (v.elements[0].acceptsKind(k)) {
                        byKind.get(k.ordinal()).add(v);
                    }
                }
            }
            if (suffixAtom) {
                suffix.add(v);
            }
        }
        this.byWord = toArrays(words);
        this.byPrefix = toArrays(prefixes);
        this.genericByKind = toArrays(byKind);
        this.suffixFirst = suffix.toArray(NO_VARIANTS);
    }

    private static Variant[][] toArrays(List<List<Variant>> lists) {
        Variant[][] out = new Variant[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).isEmpty() ? NO_VARIANTS : lists.get(i).toArray(NO_VARIANTS);
        }
        return out;
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

        /** Builds the index; the classifier's own patterns are bound to the same vocabulary. */
        public CueIndex build(PolarityClassifier polarity) {
            return new CueIndex(names, cues, variants, polarity);
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
    public LexiconHits match(StoryText story) {
        TokenView tv = vocabulary.view(story.tokens, polarity::wordClasses);
        int cueCount = cues.size();
        int[] lastStart = new int[cueCount];
        Arrays.fill(lastStart, -1);
        int[] lastSlot = new int[cueCount];
        Found found = new Found();
        for (SentenceSpan s : story.sentences) {
            int sentEnd = s.tokenEnd;
            for (int i = s.tokenStart; i < sentEnd; i++) {
                int w = tv.word[i];
                if (w >= 0) {
                    verify(byWord[w], tv, i, sentEnd, s.index, false, lastStart, lastSlot, found);
                }
                for (int p : tv.prefixes[i]) {
                    verify(byPrefix[p], tv, i, sentEnd, s.index, false, lastStart, lastSlot, found);
                }
                verify(genericByKind[tv.toks[i].kind.ordinal()], tv, i, sentEnd, s.index, false, lastStart, lastSlot, found);
                if (suffixFirst.length > 0) {
                    verify(suffixFirst, tv, i, sentEnd, s.index, true, lastStart, lastSlot, found);
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<int[]>[] per = new List[lexiconNames.size()];
        for (int k = 0; k < found.size; k++) {
            int[] f = {found.cue[k], found.start[k], found.end[k], found.sentence[k]};
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
            // overlapping matches of one lexicon merge into one span, attributed to the first cue
            List<int[]> merged = new ArrayList<>(l.size());
            for (int[] f : l) {
                int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && f[1] < last[2]) {
                    last[2] = Math.max(last[2], f[2]);
                    continue;
                }
                merged.add(f.clone());
            }
            List<CueMatch> kept = new ArrayList<>(merged.size());
            for (int[] f : merged) {
                SentenceSpan s = story.sentences.get(f[3]);
                Cue cue = cues.get(f[0]);
                Polarity p = polarity.classify(tv, cue, f[1], f[2], s.tokenStart, s.tokenEnd);
                kept.add(new CueMatch(cue, f[1], f[2], f[3], p));
            }
            hits.set(lex, kept);
        }
        return hits;
    }

    /** Raw matches of one story, as parallel growable arrays. */
    private static final class Found {
        int size;
        int[] cue = new int[256];
        int[] start = new int[256];
        int[] end = new int[256];
        int[] sentence = new int[256];

        void add(int c, int s, int e, int sent) {
            if (size == cue.length) {
                cue = Arrays.copyOf(cue, size * 2);
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
                sentence = Arrays.copyOf(sentence, size * 2);
            }
            cue[size] = c;
            start[size] = s;
            end[size] = e;
            sentence[size] = sent;
            size++;
        }
    }

    private static void verify(Variant[] candidates, TokenView tv, int i, int sentEnd, int sentence, boolean checkFirst,
                               int[] lastStart, int[] lastSlot, Found found) {
        for (Variant v : candidates) {
            if (checkFirst && !v.elements[0].matches(tv, i)) {
                continue;
            }
            int end = matchFrom(v.elements, 1, tv, i + 1, sentEnd);
            if (end < 0) {
                continue;
            }
            int cid = v.cue.id;
            if (lastStart[cid] == i) {
                int slot = lastSlot[cid];
                if (end > found.end[slot]) {
                    found.end[slot] = end;
                }
                continue;
            }
            lastStart[cid] = i;
            lastSlot[cid] = found.size;
            found.add(cid, i, end, sentence);
        }
    }

    /** Matches elements[e..] from token t; returns the end token (exclusive) or -1. Gaps match shortest first. */
    static int matchFrom(Element[] els, int e, TokenView tv, int t, int limit) {
        if (e == els.length) {
            return t;
        }
        Element el = els[e];
        if (el.isGap()) {
            for (int g = 0; g <= el.gap && t + g <= limit; g++) {
                int r = matchFrom(els, e + 1, tv, t + g, limit);
                if (r >= 0) {
                    return r;
                }
            }
            return -1;
        }
        if (t >= limit || !el.matches(tv, t)) {
            return -1;
        }
        return matchFrom(els, e + 1, tv, t + 1, limit);
    }
}
