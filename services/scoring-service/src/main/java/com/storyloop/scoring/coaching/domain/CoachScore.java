package com.storyloop.scoring.coaching.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;

/**
 * A coach's valid score of one revision: any subset of the rubric's dimensions (0-5), the flags they would raise, their
 * verdict and an optional comment.
 */
public record CoachScore(String coachId, Map<Dimension, Integer> dimensions, Verdict verdict, List<FlagCode> flags, String comment) {

    public CoachScore {
        EnumMap<Dimension, Integer> copy = new EnumMap<>(Dimension.class);
        copy.putAll(dimensions);
        dimensions = Collections.unmodifiableMap(copy);
        flags = List.copyOf(flags);
    }
}
