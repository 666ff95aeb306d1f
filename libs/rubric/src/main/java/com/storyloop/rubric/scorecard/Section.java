package com.storyloop.rubric.scorecard;

/**
 * A section of the scored text. {@code start}/{@code end} delimit the body (heading excluded),
 * as char offsets into {@link Segmentation#text()}; {@code heading} is the heading as written,
 * or null when the section was inferred.
 */
public record Section(SectionKind kind, String heading, int start, int end) {
}
