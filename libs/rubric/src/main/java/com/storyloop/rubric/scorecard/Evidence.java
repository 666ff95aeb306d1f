package com.storyloop.rubric.scorecard;

/**
 * A span of {@link Segmentation#text()} that supports a finding.
 *
 * @param sentence index into {@link Segmentation#sentences()}, or -1 when the span is a
 *                 whole section or the evidence is about an absence
 * @param note     what the span shows, or for absence evidence what was looked for
 */
public record Evidence(int start, int end, String text, SectionKind section, int sentence, String note) {
}
