package com.storyloop.rubric.scorecard;

import java.util.List;
import java.util.Optional;

/**
 * The engine's output for one story. Every offset refers to {@code segmentation().text()}.
 */
public record Scorecard(
        String rubricVersion,
        Segmentation segmentation,
        Measurements measurements,
        List<Flag> flags,
        List<DimensionScore> dimensions,
        int overall,
        VerdictDecision verdict,
        PrincipleReport principles,
        LevelReport level) {

    public Scorecard {
        flags = List.copyOf(flags);
        dimensions = List.copyOf(dimensions);
    }

    /** The text all evidence offsets refer to. */
    public String text() {
        return segmentation.text();
    }

    public boolean hasFlag(FlagCode code) {
        return flag(code).isPresent();
    }

    public Optional<Flag> flag(FlagCode code) {
        return flags.stream().filter(f -> f.code() == code).findFirst();
    }

    public DimensionScore dimension(Dimension d) {
        return dimensions.get(d.ordinal());
    }
}
