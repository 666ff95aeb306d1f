package com.storyloop.rubric.text;

import com.storyloop.rubric.scorecard.Section;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.SegmentationMode;

import java.util.ArrayList;
import java.util.List;

/** The scored text after segmentation, sentence splitting and tokenisation. */
public final class StoryText {
    public final String text;
    public final char[] norm;
    public final SegmentationMode mode;
    public final List<SentenceSpan> sentences;
    public final Token[] tokens;
    private List<Section> sections;

    StoryText(String text, char[] norm, SegmentationMode mode, List<Section> sections, List<SentenceSpan> sentences, Token[] tokens) {
        this.text = text;
        this.norm = norm;
        this.mode = mode;
        this.sections = List.copyOf(sections);
        this.sentences = List.copyOf(sentences);
        this.tokens = tokens;
    }

    public List<Section> sections() {
        return sections;
    }

    public SectionKind sectionOf(Token t) {
        return sentences.get(t.sentence).section;
    }

    /** First section of that kind, or null. */
    public Section section(SectionKind kind) {
        for (Section s : sections) {
            if (s.kind() == kind) {
                return s;
            }
        }
        return null;
    }

    public boolean hasSection(SectionKind kind) {
        return section(kind) != null;
    }

    /**
     * Assigns a STAR section to every sentence (used when the text had no headings) and derives
     * the section spans from the sentence spans.
     */
    public void applyInferredSections(SectionKind[] labels) {
        if (mode != SegmentationMode.INFERRED) {
            throw new IllegalStateException("sections were given, not inferred");
        }
        List<Section> out = new ArrayList<>();
        SectionKind current = null;
        int start = 0;
        int end = 0;
        for (int i = 0; i < sentences.size(); i++) {
            SentenceSpan s = sentences.get(i);
            s.section = labels[i];
            if (labels[i] != current) {
                if (current != null) {
                    out.add(new Section(current, null, start, end));
                }
                current = labels[i];
                start = s.start;
            }
            end = s.end;
        }
        if (current != null) {
            out.add(new Section(current, null, start, end));
        }
        this.sections = List.copyOf(out);
    }
}
