package com.storyloop.rubric.scorecard;

import java.util.List;

/**
 * The text every offset refers to (the submitted text, or the canonical rendering of STAR
 * fields), its sections and its sentences.
 */
public record Segmentation(String text, SegmentationMode mode, List<Section> sections, List<Sentence> sentences) {
    public Segmentation {
        sections = List.copyOf(sections);
        sentences = List.copyOf(sentences);
    }
}
