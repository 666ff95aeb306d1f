package com.storyloop.rubric.text;

import com.storyloop.rubric.scorecard.SectionKind;

/** A sentence of the scored text with its token range (internal, mutable section for inference). */
public final class SentenceSpan {
    public final int index;
    public final int start;
    public final int end;
    public final int paragraph;
    public int tokenStart;
    public int tokenEnd;
    SectionKind section;

    SentenceSpan(int index, int start, int end, int paragraph, SectionKind section) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.paragraph = paragraph;
        this.section = section;
    }

    public SectionKind section() {
        return section;
    }

    public int tokenCount() {
        return tokenEnd - tokenStart;
    }
}
