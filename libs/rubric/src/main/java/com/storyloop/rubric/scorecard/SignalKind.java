package com.storyloop.rubric.scorecard;

/** Scope signals reported for level calibration (L6 vs L7). */
public enum SignalKind {
    TEAMS, MONEY, USERS, DURATION, AMBIGUITY
}
