package com.storyloop.rubric.text;

/**
 * A word or number with its char span in the scored text and its normalised (lower-case,
 * straight apostrophes, ASCII-folded full-width) form.
 */
public final class Token {
    public final int start;
    public final int end;
    public final String norm;
    public final TokenKind kind;
    public final int sentence;
    /** Clause punctuation (comma, semicolon, colon, dash, bracket) between the previous token and this one. */
    public final boolean breakBefore;
    /** Numeric value for quantities (scale suffixes applied), NaN otherwise. */
    public final double value;

    public Token(int start, int end, String norm, TokenKind kind, int sentence, boolean breakBefore, double value) {
        this.start = start;
        this.end = end;
        this.norm = norm;
        this.kind = kind;
        this.sentence = sentence;
        this.breakBefore = breakBefore;
        this.value = value;
    }

    @Override
    public String toString() {
        return norm;
    }
}
