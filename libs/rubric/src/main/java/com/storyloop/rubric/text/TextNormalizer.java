package com.storyloop.rubric.text;

/**
 * Produces a matching copy of the text with exactly the same length, so every offset found in
 * the copy is valid in the original: lower case, straight quotes and apostrophes, ASCII-folded
 * full-width forms, and unusual spaces turned into plain spaces.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static char[] normalize(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(text.charAt(i));
        }
        return out;
    }

    /** The normalised form of a word or phrase, as tokens carry it. */
    public static String normalizeString(String s) {
        return new String(normalize(s));
    }

    static char fold(char c) {
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        switch (c) {
            case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u02BC': case '\u2032': case '\u00B4':
                return '\'';
            case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u00AB': case '\u00BB': case '\u2033':
                return '"';
            case '\u00A0': case '\u2007': case '\u202F': case '\u2009': case '\u200A': case '\u2002': case '\u2003':
            case '\u3000': case '\u200B': case '\uFEFF':
                return ' ';
            case '\u2010': case '\u2011':
                return '-';
            case '\u2028': case '\u2029':
                return '\n';
            default:
                break;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return fold((char) (c - 0xFEE0));
        }
        return Character.toLowerCase(c);
    }
}
