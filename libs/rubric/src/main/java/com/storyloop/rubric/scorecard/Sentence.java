package com.storyloop.rubric.scorecard;

/** A sentence with char offsets into {@link Segmentation#text()}. */
public record Sentence(int index, int start, int end, SectionKind section, String text) {
}
