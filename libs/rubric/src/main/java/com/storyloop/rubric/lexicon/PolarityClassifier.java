package com.storyloop.rubric.lexicon;

import com.storyloop.rubric.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a cue is asserted, negated, hypothetical or reported, by walking back through
 * its clause (stopping at clause punctuation, contrastive conjunctions and the clause subject)
 * and by checking a few negating phrases right after it ("was never an option").
 */
public final class PolarityClassifier {

    /** Word lists and windows, all from the rubric definition. */
    public record Config(int window, int afterWindow, List<String> negators, List<String> hypothetical,
                         List<String> reported, List<String> subjects, List<String> selfSubjects,
                         List<String> scopeBreakers, List<String> fillers, List<String> after) {
    }

    private final int window;
    private final int afterWindow;
    private final WordSet negators;
    private final WordSet hypothetical;
    private final WordSet reported;
    private final WordSet subjects;
    private final WordSet selfSubjects;
    private final WordSet breakers;
    private final WordSet fillers;
    private final List<Element[]> after = new ArrayList<>();

    public PolarityClassifier(Config c, Map<String, List<String>> classes) {
        this.window = c.window();
        this.afterWindow = c.afterWindow();
        this.negators = new WordSet(c.negators());
        this.hypothetical = new WordSet(c.hypothetical());
        this.reported = new WordSet(c.reported());
        this.subjects = new WordSet(c.subjects());
        this.selfSubjects = new WordSet(c.selfSubjects());
        this.breakers = new WordSet(c.scopeBreakers());
        this.fillers = new WordSet(c.fillers());
        PhraseCompiler pc = new PhraseCompiler(classes);
        for (String p : c.after()) {
            after.addAll(pc.compile(p).variants);
        }
    }

    public boolean isNegator(String w) {
        return negators.matches(w);
    }

    List<Element[]> afterPatterns() {
        return after;
    }

    private boolean startsAfterPattern(TokenView tv, int pos) {
        for (Element[] v : after) {
            if (v[0].matches(tv, pos)) {
                return true;
            }
        }
        return false;
    }

    static final int NEG = 1;
    static final int HYP = 2;
    static final int REP = 4;
    static final int SUBJ = 8;
    static final int SELF = 16;
    static final int BREAK = 32;
    static final int FILLER = 64;
    static final int NOBODY = 128;

    /** The polarity word classes of one word (negator, hypothetical, reported, subject...). */
    int wordClasses(String w) {
        int v = 0;
        if (negators.matches(w)) {
            v |= NEG;
            if (w.equals("nobody") || w.equals("none")) {
                v |= NOBODY;
            }
        }
        if (hypothetical.matches(w)) {
            v |= HYP;
        }
        if (reported.matches(w)) {
            v |= REP;
        }
        if (subjects.matches(w)) {
            v |= SUBJ;
        }
        if (selfSubjects.matches(w)) {
            v |= SELF;
        }
        if (breakers.matches(w)) {
            v |= BREAK;
        }
        if (fillers.matches(w) || w.endsWith("ly")) {
            v |= FILLER;
        }
        return v;
    }

    Polarity classify(TokenView tv, Cue cue, int start, int end, int sentStart, int sentEnd) {
        Token[] toks = tv.toks;
        int[] cls = tv.classes;
        // a negator inside the match that the pattern itself does not spell out ("review was not skipped")
        for (int k = start + 1; k < end; k++) {
            if ((cls[k] & NEG) != 0 && !cue.literals.contains(toks[k].norm)) {
                return Polarity.NEGATED;
            }
        }
        int limit = Math.max(sentStart, start - window);
        for (int j = start - 1; j >= limit; j--) {
            if (toks[j + 1].breakBefore) {
                break;
            }
            int c = cls[j];
            if ((c & BREAK) != 0) {
                break;
            }
            if ((c & NEG) != 0) {
                return Polarity.NEGATED;
            }
            if ((c & HYP) != 0) {
                return Polarity.HYPOTHETICAL;
            }
            if ((c & REP) != 0) {
                if (!speakerIsSelf(toks, cls, j, sentStart)) {
                    return Polarity.REPORTED;
                }
                continue;
            }
            if ((c & SUBJ) != 0) {
                // the frame just before the subject: "if we ...", "suggested we ...", "nobody ... we"
                for (int k = j - 1; k >= Math.max(sentStart, j - 2); k--) {
                    if (toks[k + 1].breakBefore) {
                        break;
                    }
                    int c2 = cls[k];
                    if ((c2 & NOBODY) != 0) {
                        return Polarity.NEGATED;
                    }
                    if ((c2 & HYP) != 0) {
                        return Polarity.HYPOTHETICAL;
                    }
                    if ((c2 & REP) != 0 && !speakerIsSelf(toks, cls, k, sentStart)) {
                        return Polarity.REPORTED;
                    }
                    if ((c2 & FILLER) == 0) {
                        break;
                    }
                }
                break;
            }
        }
        for (int g = 0; g <= afterWindow; g++) {
            int pos = end + g;
            if (pos >= sentEnd || toks[pos].breakBefore) {
                break;
            }
            if (!startsAfterPattern(tv, pos)) {
                continue;
            }
            for (Element[] v : after) {
                if (CueIndex.matchFrom(v, 0, tv, pos, sentEnd) >= 0) {
                    return Polarity.NEGATED;
                }
            }
        }
        return Polarity.ASSERTED;
    }

    /**
     * Whether the subject of a reporting verb is the candidate ("I argued", "we said"). When the verb
     * opens a clause with its subject elided ("I went back to them, said plainly ..."), the
     * sentence's own subject decides.
     */
    private boolean speakerIsSelf(Token[] toks, int[] cls, int verb, int sentStart) {
        for (int k = verb - 1; k >= Math.max(sentStart, verb - 3); k--) {
            if (toks[k + 1].breakBefore) {
                return sentenceSubjectIsSelf(cls, sentStart, verb);
            }
            if ((cls[k] & SELF) != 0) {
                return true;
            }
            if ((cls[k] & FILLER) == 0) {
                return false;
            }
        }
        return verb == sentStart || toks[verb].breakBefore ? sentenceSubjectIsSelf(cls, sentStart, verb) : false;
    }

    private static boolean sentenceSubjectIsSelf(int[] cls, int sentStart, int limit) {
        for (int k = sentStart; k < Math.min(limit, sentStart + 3); k++) {
            if ((cls[k] & SELF) != 0) {
                return true;
            }
            if ((cls[k] & SUBJ) != 0) {
                return false;
            }
        }
        return false;
    }
}
