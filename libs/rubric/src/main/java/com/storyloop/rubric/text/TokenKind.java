package com.storyloop.rubric.text;

/** What a token is, as far as the rubric cares. */
public enum TokenKind {
    WORD,
    /** Digits, optionally with a scale or unit: 12, 1,200, 3.5, 2m, 300ms, 18-month. */
    NUMBER,
    /** A number written as a word (from the definition's list): three, dozen, million. */
    NUMWORD,
    PERCENT,
    MONEY,
    /** 3x, 10x. */
    MULTIPLIER,
    /** A bare four-digit year 1900-2099. */
    YEAR,
    /** 1st, 2nd, 3rd, 4th. */
    ORDINAL;

    /** Carries a digit that states a quantity (years and ordinals excluded). */
    public boolean isDigitQuantity() {
        return this == NUMBER || this == PERCENT || this == MONEY || this == MULTIPLIER;
    }

    /** Any quantity, written in digits or words. */
    public boolean isQuantity() {
        return isDigitQuantity() || this == NUMWORD;
    }
}
