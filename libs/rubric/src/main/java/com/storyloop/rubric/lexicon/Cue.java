package com.storyloop.rubric.lexicon;

import java.util.Set;

/** One pattern of one lexicon, as written in the rubric definition. */
public final class Cue {
    public final int lexicon;
    public final int id;
    public final String source;
    /** Counts only when negated: "!wait* for ~3 review" catches "without waiting for the review". */
    public final boolean negatedOnly;
    final Set<String> literals;

    Cue(int lexicon, int id, String source, boolean negatedOnly, Set<String> literals) {
        this.lexicon = lexicon;
        this.id = id;
        this.source = source;
        this.negatedOnly = negatedOnly;
        this.literals = literals;
    }
}
