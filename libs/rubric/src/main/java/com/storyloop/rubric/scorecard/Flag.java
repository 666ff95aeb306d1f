package com.storyloop.rubric.scorecard;

import java.util.List;

/**
 * A raised flag. Presence flags carry the spans that triggered them; absence flags carry
 * {@code lookedFor} (what the engine searched for and did not find) and, where useful, the
 * spans of the section that was searched.
 */
public record Flag(FlagCode code, Severity severity, String explanation, List<Evidence> evidence, String lookedFor) {
    public Flag {
        evidence = List.copyOf(evidence);
    }
}
