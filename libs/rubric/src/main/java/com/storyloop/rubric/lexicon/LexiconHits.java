package com.storyloop.rubric.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Cue matches of one story, per lexicon, sorted by position, without overlaps inside a lexicon. */
public final class LexiconHits {
    private final List<CueMatch>[] byLexicon;
    private final List<CueMatch>[] holding;

    @SuppressWarnings("unchecked")
    LexiconHits(int lexicons) {
        this.byLexicon = new List[lexicons];
        this.holding = new List[lexicons];
    }

    void set(int lexicon, List<CueMatch> matches) {
        byLexicon[lexicon] = Collections.unmodifiableList(matches);
        List<CueMatch> h = new ArrayList<>(matches.size());
        for (CueMatch m : matches) {
            if (m.holds()) {
                h.add(m);
            }
        }
        holding[lexicon] = Collections.unmodifiableList(h);
    }

    /** Every match, whatever its polarity. */
    public List<CueMatch> all(int lexicon) {
        List<CueMatch> l = byLexicon[lexicon];
        return l == null ? List.of() : l;
    }

    /** Matches that count (asserted, or negated for negated-only cues). */
    public List<CueMatch> holding(int lexicon) {
        List<CueMatch> l = holding[lexicon];
        return l == null ? List.of() : l;
    }
}
