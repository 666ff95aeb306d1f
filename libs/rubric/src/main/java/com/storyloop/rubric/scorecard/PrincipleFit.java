package com.storyloop.rubric.scorecard;

import java.util.List;

/** How strongly the story evidences one principle (0-1), with the spans behind it. */
public record PrincipleFit(Principle principle, double fit, boolean claimed, boolean demonstrated, List<Evidence> evidence) {
    public PrincipleFit {
        evidence = List.copyOf(evidence);
    }
}
