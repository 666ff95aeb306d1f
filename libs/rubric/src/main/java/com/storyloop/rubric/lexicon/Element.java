package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.Token;

/** A position of a pattern: a set of alternatives, or a gap of up to {@code gap} tokens. */
final class Element {
    final Atom[] alternatives;
    final int gap;

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

    boolean matches(Token t) {
        for (Atom a : alternatives) {
            if (a.matches(t)) {
                return true;
            }
        }
        return false;
    }
}
