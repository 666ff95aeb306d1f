package com.storyloop.rubric.lexicon;

/** How a cue occurs in its clause. */
public enum Polarity {
    /** Stated as something that happened. */
    ASSERTED,
    /** Negated: "did not skip", "nobody worked weekends", "without cutting", "instead of". */
    NEGATED,
    /** Conditional or wished: "if we skipped", "wanted to", "could have", "pressure to". */
    HYPOTHETICAL,
    /** Reported as somebody else's view: "the VP asked me to skip", "colleagues called it acceptable". */
    REPORTED
}
