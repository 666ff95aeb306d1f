package com.storyloop.rubric.scorecard;

/** How the sections were found. */
public enum SegmentationMode {
    /** Submitted as STAR fields; offsets refer to the canonical rendering. */
    STAR_FIELDS,
    /** Free text with recognised Markdown headings or "Situation:" labels. */
    HEADINGS,
    /** Free text without headings; sections inferred from sentence cues and paragraphs. */
    INFERRED
}
