package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.TokenKind;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A position of a pattern: a set of alternatives, or a gap of up to {@code gap} tokens. Once
 * bound to the index's {@link Vocabulary}, checking a token is a few bit tests.
 */
final class Element {
    final Atom[] alternatives;
    final int gap;

    private int single = -2;
    private BitSet words;
    private BitSet prefixes;
    private String[] suffixes = new String[0];
    private int kinds;

    Element(Atom[] alternatives) {
        this.alternatives = alternatives;
        this.gap = 0;
    }

    Element(int gap) {
        this.alternatives = null;
        this.gap = gap;
    }

    boolean isGap() {
        return gap > 0;
    }

    /** Registers this element's words and prefixes in the vocabulary. */
    void register(Vocabulary v) {
        if (alternatives == null) {
            return;
        }
        for (Atom a : alternatives) {
            if (a.type == Atom.Type.EXACT) {
                v.word(a.text);
            } else if (a.type == Atom.Type.PREFIX) {
                v.prefix(a.text);
            }
        }
    }

    /** Compiles the alternatives to vocabulary ids; call after every element is registered. */
    void bind(Vocabulary v) {
        if (alternatives == null) {
            return;
        }
        words = new BitSet();
        prefixes = new BitSet();
        List<String> suf = new ArrayList<>();
        int k = 0;
        for (Atom a : alternatives) {
            switch (a.type) {
                case EXACT: words.set(v.word(a.text)); break;
                case PREFIX: prefixes.set(v.prefix(a.text)); break;
                case SUFFIX: suf.add(a.text); break;
                default: k |= 1 << a.type.ordinal(); break;
            }
        }
        suffixes = suf.toArray(new String[0]);
        kinds = k;
        single = alternatives.length == 1 && alternatives[0].type == Atom.Type.EXACT ? v.word(alternatives[0].text) : -2;
        if (prefixes.isEmpty()) {
            prefixes = null;
        }
    }

    boolean matches(TokenView tv, int i) {
        int w = tv.word[i];
        if (single != -2) {
            return w == single;
        }
        if (w >= 0 && words.get(w)) {
            return true;
        }
        if (prefixes != null) {
            for (int p : tv.prefixes[i]) {
                if (prefixes.get(p)) {
                    return true;
                }
            }
        }
        if (kinds != 0 && kindMatches(tv.toks[i].kind)) {
            return true;
        }
        if (suffixes.length > 0) {
            String s = tv.toks[i].norm;
            for (String suf : suffixes) {
                if (s.endsWith(suf)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a token of this kind satisfies one of the class alternatives (#num, #pct...). */
    boolean acceptsKind(TokenKind k) {
        return kinds != 0 && kindMatches(k);
    }

    private boolean kindMatches(TokenKind k) {
        if (has(Atom.Type.ANY)) {
            return true;
        }
        if (has(Atom.Type.NUM) && k.isQuantity()) {
            return true;
        }
        if (has(Atom.Type.COUNT) && (k == TokenKind.NUMBER || k == TokenKind.NUMWORD)) {
            return true;
        }
        if (has(Atom.Type.DIGIT) && k.isDigitQuantity()) {
            return true;
        }
        return (has(Atom.Type.PCT) && k == TokenKind.PERCENT) || (has(Atom.Type.MONEY) && k == TokenKind.MONEY)
                || (has(Atom.Type.MULT) && k == TokenKind.MULTIPLIER) || (has(Atom.Type.YEAR) && k == TokenKind.YEAR);
    }

    private boolean has(Atom.Type type) {
        return (kinds & (1 << type.ordinal())) != 0;
    }
}
