package com.storyloop.rubric.scorecard;

/** The nine scored dimensions, each 0-5. */
public enum Dimension {
    FRICTION, AGENCY, MECHANISM, RESULT, CUSTOMER, JUDGEMENT, ARC, SIMPLICITY, STRUCTURE
}
