package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.Token;
import com.storyloop.rubric.text.TokenKind;

/** One alternative at one position of a phrase pattern. */
final class Atom {
    enum Type { EXACT, PREFIX, SUFFIX, NUM, COUNT, DIGIT, PCT, MONEY, MULT, YEAR, ANY }

    final Type type;
    final String text;

    Atom(Type type, String text) {
        this.type = type;
        this.text = text;
    }

    boolean matches(Token t) {
        switch (type) {
            case EXACT: return t.norm.equals(text);
            case PREFIX: return t.norm.startsWith(text);
            case SUFFIX: return t.norm.endsWith(text);
            case NUM: return t.kind.isQuantity();
            case COUNT: return t.kind == TokenKind.NUMBER || t.kind == TokenKind.NUMWORD;
            case DIGIT: return t.kind.isDigitQuantity();
            case PCT: return t.kind == TokenKind.PERCENT;
            case MONEY: return t.kind == TokenKind.MONEY;
            case MULT: return t.kind == TokenKind.MULTIPLIER;
            case YEAR: return t.kind == TokenKind.YEAR;
            case ANY: return true;
            default: throw new IllegalStateException();
        }
    }

    static Atom parse(String s) {
        switch (s) {
            case "#num": return new Atom(Type.NUM, s);
            case "#count": return new Atom(Type.COUNT, s);
            case "#digit": return new Atom(Type.DIGIT, s);
            case "#pct": return new Atom(Type.PCT, s);
            case "#money": return new Atom(Type.MONEY, s);
            case "#mult": return new Atom(Type.MULT, s);
            case "#year": return new Atom(Type.YEAR, s);
            case "#any": return new Atom(Type.ANY, s);
            default: break;
        }
        if (s.startsWith("#")) {
            throw new IllegalArgumentException("unknown token class '" + s + "'");
        }
        if (s.length() > 1 && s.endsWith("*") && !s.startsWith("*")) {
            return new Atom(Type.PREFIX, s.substring(0, s.length() - 1));
        }
        if (s.length() > 1 && s.startsWith("*") && !s.endsWith("*")) {
            return new Atom(Type.SUFFIX, s.substring(1));
        }
        if (s.contains("*") || s.isEmpty()) {
            throw new IllegalArgumentException("bad word '" + s + "'");
        }
        return new Atom(Type.EXACT, s);
    }

    @Override
    public String toString() {
        return type == Type.PREFIX ? text + "*" : type == Type.SUFFIX ? "*" + text : text;
    }
}
