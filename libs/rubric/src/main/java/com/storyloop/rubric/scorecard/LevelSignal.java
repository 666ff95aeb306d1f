package com.storyloop.rubric.scorecard;

/** One scope signal found in the text, e.g. TEAMS "5 teams", with its span. */
public record LevelSignal(SignalKind kind, String value, Evidence evidence) {
}
