package com.storyloop.rubric.text;

import java.util.List;
import java.util.Map;

/** Splits a normalised char range into tokens; one pass, no regular expressions. */
final class Tokenizer {

    private final Map<String, Double> numberWords;

    Tokenizer(Map<String, Double> numberWords) {
        this.numberWords = numberWords;
    }

    void tokenize(char[] norm, int from, int to, int sentence, List<Token> out) {
        int i = from;
        int prevEnd = -1;
        while (i < to) {
            char c = norm[i];
            boolean currency = isCurrency(c) && i + 1 < to && isDigit(norm[i + 1]);
            if (!currency && !isWordChar(c)) {
                i++;
                continue;
            }
            int j = currency ? i + 1 : i;
            while (j < to) {
                char ch = norm[j];
                if (isWordChar(ch)) {
                    j++;
                    continue;
                }
                char next = j + 1 < to ? norm[j + 1] : ' ';
                char prev = norm[j - 1];
                if ((ch == '\'' || ch == '-' || ch == '/' || ch == '&') && j > i && isWordChar(next) && isWordChar(prev)) {
                    j++;
                    continue;
                }
                if ((ch == '.' || ch == ',') && isDigit(prev) && isDigit(next)) {
                    j++;
                    continue;
                }
                if (ch == '.' && Character.isLetter(prev) && Character.isLetter(next)
                        && (j - 1 == i || norm[j - 2] == '.') && (j + 2 >= to || !Character.isLetter(norm[j + 2]))) {
                    // single-letter segments: e.g, i.e, u.s, a.m
                    j++;
                    continue;
                }
                if (ch == '%' && isDigit(prev)) {
                    j++;
                }
                break;
            }
            String text = new String(norm, i, j - i);
            boolean brk = prevEnd >= 0 && hasBreak(norm, prevEnd, i);
            out.add(classify(text, i, j, sentence, brk));
            prevEnd = j;
            i = j;
        }
    }

    private Token classify(String t, int start, int end, int sentence, boolean brk) {
        char first = t.charAt(0);
        if (isCurrency(first)) {
            return new Token(start, end, t, TokenKind.MONEY, sentence, brk, parseNumber(t, 1));
        }
        if (isDigit(first)) {
            if (t.endsWith("%")) {
                return new Token(start, end, t, TokenKind.PERCENT, sentence, brk, parseNumber(t, 0));
            }
            if (t.length() == 4 && allDigits(t) && (t.startsWith("19") || t.startsWith("20"))) {
                return new Token(start, end, t, TokenKind.YEAR, sentence, brk, Double.parseDouble(t));
            }
            String suffix = suffixAfterNumber(t);
            if (suffix.equals("x")) {
                return new Token(start, end, t, TokenKind.MULTIPLIER, sentence, brk, parseNumber(t, 0));
            }
            if (suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th")) {
                return new Token(start, end, t, TokenKind.ORDINAL, sentence, brk, parseNumber(t, 0));
            }
            return new Token(start, end, t, TokenKind.NUMBER, sentence, brk, parseNumber(t, 0));
        }
        Double w = numberWords.get(t);
        if (w != null) {
            return new Token(start, end, t, TokenKind.NUMWORD, sentence, brk, w);
        }
        return new Token(start, end, t, TokenKind.WORD, sentence, brk, Double.NaN);
    }

    /** Leading number of the token (commas ignored) times a k/m/bn scale suffix. */
    static double parseNumber(String t, int from) {
        int i = from;
        StringBuilder sb = new StringBuilder();
        while (i < t.length()) {
            char c = t.charAt(i);
            if (isDigit(c) || c == '.') {
                sb.append(c);
            } else if (c != ',') {
                break;
            }
            i++;
        }
        if (sb.length() == 0) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(sb.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        String rest = t.substring(i);
        switch (rest) {
            case "k": return v * 1_000;
            case "m": case "mm": case "mn": return v * 1_000_000;
            case "b": case "bn": return v * 1_000_000_000;
            default: return v;
        }
    }

    private static String suffixAfterNumber(String t) {
        int i = 0;
        while (i < t.length() && (isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == ',')) {
            i++;
        }
        return t.substring(i);
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasBreak(char[] norm, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = norm[k];
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']'
                    || c == '\u2013' || c == '\u2014' || c == '\u2015') {
                return true;
            }
            if (c == '-' && k > from && k + 1 < to && Character.isWhitespace(norm[k - 1]) && Character.isWhitespace(norm[k + 1])) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    static boolean isCurrency(char c) {
        return c == '$' || c == '\u20AC' || c == '\u00A3' || c == '\u00A5' || c == '\u20B9';
    }
}
