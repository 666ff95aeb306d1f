package com.storyloop.rubric.scorecard;

/** Debrief verdicts, best first. */
public enum Verdict {
    PASS, BORDERLINE, FAIL;

    /** The worse of the two verdicts. */
    public Verdict atMost(Verdict cap) {
        return this.ordinal() >= cap.ordinal() ? this : cap;
    }
}
