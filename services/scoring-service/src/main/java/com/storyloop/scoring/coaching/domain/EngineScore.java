package com.storyloop.scoring.coaching.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;

/** What the engine's scorecard said about a revision, in the terms a coach scores in. */
public record EngineScore(Map<Dimension, Integer> dimensions, Set<FlagCode> flags, Verdict verdict) {

    public EngineScore {
        EnumMap<Dimension, Integer> copy = new EnumMap<>(Dimension.class);
        copy.putAll(dimensions);
        dimensions = Collections.unmodifiableMap(copy);
        EnumSet<FlagCode> raised = EnumSet.noneOf(FlagCode.class);
        raised.addAll(flags);
        flags = Collections.unmodifiableSet(raised);
    }
}
