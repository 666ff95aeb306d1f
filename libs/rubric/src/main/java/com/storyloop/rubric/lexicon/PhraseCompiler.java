package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the rubric's phrase patterns. A pattern is a space-separated list of positions:
 * <ul>
 *   <li>{@code word}, {@code prefix*}, {@code *suffix}, alternatives {@code skip*|bypass*}</li>
 *   <li>{@code @class}: the alternatives of a named word class from the definition</li>
 *   <li>{@code #num #count #digit #pct #money #mult #year #any}: token classes (#count: plain numbers and number words)</li>
 *   <li>a trailing {@code ?} makes a position optional; {@code ~N} skips up to N tokens</li>
 *   <li>a leading {@code !} makes the cue count only when negated</li>
 * </ul>
 * Matching is case-insensitive and never crosses a sentence boundary.
 */
public final class PhraseCompiler {

    static final int MAX_GAP = 8;
    private static final int MAX_OPTIONAL = 5;

    private final Map<String, List<String>> classes;

    public PhraseCompiler(Map<String, List<String>> classes) {
        this.classes = classes;
    }

    static String normalizeWord(String w) {
        return TextNormalizer.normalizeString(w.strip());
    }

    static final class Compiled {
        final boolean negatedOnly;
        final List<Element[]> variants;
        final Set<String> literals;

        Compiled(boolean negatedOnly, List<Element[]> variants, Set<String> literals) {
            this.negatedOnly = negatedOnly;
            this.variants = variants;
            this.literals = literals;
        }
    }

    Compiled compile(String pattern) {
        String p = pattern.strip();
        boolean negatedOnly = false;
        if (p.startsWith("!")) {
            negatedOnly = true;
            p = p.substring(1).strip();
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        String[] pieces = p.split("\\s+");
        List<Element> elements = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        Set<String> literals = new LinkedHashSet<>();
        for (String piece : pieces) {
            if (piece.startsWith("~")) {
                int gap;
                try {
                    gap = Integer.parseInt(piece.substring(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad gap '" + piece + "' in '" + pattern + "'");
                }
                if (gap < 1 || gap > MAX_GAP) {
                    throw new IllegalArgumentException("gap must be 1.." + MAX_GAP + " in '" + pattern + "'");
                }
                elements.add(new Element(gap));
                optional.add(false);
                continue;
            }
            boolean opt = piece.length() > 1 && piece.endsWith("?");
            String body = opt ? piece.substring(0, piece.length() - 1) : piece;
            List<Atom> atoms = new ArrayList<>();
            for (String alt : body.split("\\|")) {
                if (alt.startsWith("@")) {
                    List<String> cls = classes.get(alt.substring(1));
                    if (cls == null) {
                        throw new IllegalArgumentException("unknown class '" + alt + "' in '" + pattern + "'");
                    }
                    for (String w : cls) {
                        Atom a = Atom.parse(normalizeWord(w));
                        atoms.add(a);
                        if (a.type == Atom.Type.EXACT) {
                            literals.add(a.text);
                        }
                    }
                } else {
                    Atom a = Atom.parse(normalizeWord(alt));
                    atoms.add(a);
                    if (a.type == Atom.Type.EXACT) {
                        literals.add(a.text);
                    }
                }
            }
            if (atoms.isEmpty()) {
                throw new IllegalArgumentException("empty position in '" + pattern + "'");
            }
            elements.add(new Element(atoms.toArray(new Atom[0])));
            optional.add(opt);
        }
        long optCount = optional.stream().filter(b -> b).count();
        if (optCount > MAX_OPTIONAL) {
            throw new IllegalArgumentException("too many optional positions in '" + pattern + "'");
        }
        List<Element[]> variants = new ArrayList<>();
        expand(elements, optional, 0, new ArrayList<>(), variants, pattern);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("pattern matches nothing: '" + pattern + "'");
        }
        return new Compiled(negatedOnly, variants, Collections.unmodifiableSet(literals));
    }

    /** Optional positions expand into variants, longest (position included) first. */
    private static void expand(List<Element> els, List<Boolean> opt, int i, List<Element> acc, List<Element[]> out, String pattern) {
        if (i == els.size()) {
            List<Element> v = new ArrayList<>(acc);
            while (!v.isEmpty() && v.get(v.size() - 1).isGap()) {
                v.remove(v.size() - 1);
            }
            if (v.isEmpty()) {
                return;
            }
            if (v.get(0).isGap()) {
                throw new IllegalArgumentException("pattern may not start with a gap: '" + pattern + "'");
            }
            out.add(v.toArray(new Element[0]));
            return;
        }
        acc.add(els.get(i));
        expand(els, opt, i + 1, acc, out, pattern);
        acc.remove(acc.size() - 1);
        if (opt.get(i)) {
            expand(els, opt, i + 1, acc, out, pattern);
        }
    }
}
