package com.storyloop.rubric.scorecard;

import java.util.List;

/**
 * Scope signals reported as evidence. When a target level is given, {@code observations}
 * compares the signals with that level's expectations from the rubric definition; nothing is
 * guessed beyond what the signals show.
 */
public record LevelReport(Level target, List<LevelSignal> signals, LevelSummary summary, List<String> observations) {
    public LevelReport {
        signals = List.copyOf(signals);
        observations = List.copyOf(observations);
    }
}
