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

    Polarity classify(Token[] toks, Cue cue, int start, int end, int sentStart, int sentEnd) {
        // a negator inside the match that the pattern itself does not spell out ("review was not skipped")
        for (int k = start + 1; k < end; k++) {
            String w = toks[k].norm;
            if (negators.matches(w) && !cue.literals.contains(w)) {
                return Polarity.NEGATED;
            }
        }
        int limit = Math.max(sentStart, start - window);
        for (int j = start - 1; j >= limit; j--) {
            if (toks[j + 1].breakBefore) {
                break;
            }
            String w = toks[j].norm;
            if (breakers.matches(w)) {
                break;
            }
            if (negators.matches(w)) {
                return Polarity.NEGATED;
            }
            if (hypothetical.matches(w)) {
                return Polarity.HYPOTHETICAL;
            }
            if (reported.matches(w)) {
                if (!speakerIsSelf(toks, j, sentStart)) {
                    return Polarity.REPORTED;
                }
                continue;
            }
            if (subjects.matches(w)) {
                // the frame just before the subject: "if we ...", "suggested we ...", "asked me ... we"
                for (int k = j - 1; k >= Math.max(sentStart, j - 2); k--) {
                    if (toks[k + 1].breakBefore) {
                        break;
                    }
                    String w2 = toks[k].norm;
                    if (negators.matches(w2) && (w2.equals("nobody") || w2.equals("none"))) {
                        return Polarity.NEGATED;
                    }
                    if (hypothetical.matches(w2)) {
                        return Polarity.HYPOTHETICAL;
                    }
                    if (reported.matches(w2) && !speakerIsSelf(toks, k, sentStart)) {
                        return Polarity.REPORTED;
                    }
                    if (!fillers.matches(w2)) {
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
            for (Element[] v : after) {
                if (CueIndex.matchFrom(v, 0, toks, pos, sentEnd) >= 0) {
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
    private boolean speakerIsSelf(Token[] toks, int verb, int sentStart) {
        for (int k = verb - 1; k >= Math.max(sentStart, verb - 3); k--) {
            if (toks[k + 1].breakBefore) {
                return sentenceSubjectIsSelf(toks, sentStart, verb);
            }
            String w = toks[k].norm;
            if (selfSubjects.matches(w)) {
                return true;
            }
            if (!(fillers.matches(w) || w.endsWith("ly"))) {
                return false;
            }
        }
        return verb == sentStart || toks[verb].breakBefore ? sentenceSubjectIsSelf(toks, sentStart, verb) : false;
    }

    private boolean sentenceSubjectIsSelf(Token[] toks, int sentStart, int limit) {
        for (int k = sentStart; k < Math.min(limit, sentStart + 3); k++) {
            if (selfSubjects.matches(toks[k].norm)) {
                return true;
            }
            if (subjects.matches(toks[k].norm)) {
                return false;
            }
        }
        return false;
    }
}
