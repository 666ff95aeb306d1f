package com.storyloop.rubric.lexicon;

/** A cue found in the text: token range [startToken, endToken) within one sentence. */
public final class CueMatch {
    public final Cue cue;
    public final int startToken;
    public final int endToken;
    public final int sentence;
    public final Polarity polarity;

    CueMatch(Cue cue, int startToken, int endToken, int sentence, Polarity polarity) {
        this.cue = cue;
        this.startToken = startToken;
        this.endToken = endToken;
        this.sentence = sentence;
        this.polarity = polarity;
    }

    /** True when the cue counts: asserted, or negated for a negated-only cue. */
    public boolean holds() {
        return cue.negatedOnly ? polarity == Polarity.NEGATED : polarity == Polarity.ASSERTED;
    }

    /** True unless negated (asserted, hypothetical or reported all keep the words' meaning). */
    public boolean notNegated() {
        return cue.negatedOnly ? polarity == Polarity.NEGATED : polarity != Polarity.NEGATED;
    }
}
