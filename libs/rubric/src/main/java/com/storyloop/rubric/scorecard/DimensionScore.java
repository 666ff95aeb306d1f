package com.storyloop.rubric.scorecard;

/** A dimension score 0-5 with a one-line reason. */
public record DimensionScore(Dimension dimension, int score, String reason) {
}
