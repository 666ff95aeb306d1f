package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.Token;

/** A story's tokens with their vocabulary word id (-1 if no pattern uses the word) and matched prefix ids. */
final class TokenView {
    final Token[] toks;
    final int[] word;
    final int[][] prefixes;
    /** Polarity word classes (negator, hypothetical, reported, subject...) per token. */
    final int[] classes;

    TokenView(Token[] toks, int[] word, int[][] prefixes, int[] classes) {
        this.toks = toks;
        this.word = word;
        this.prefixes = prefixes;
        this.classes = classes;
    }
}
