package com.storyloop.rubric.engine;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.Section;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.SegmentationMode;
import com.storyloop.rubric.scorecard.Sentence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentationTest {

    private final RubricEngine engine = RubricEngine.standard();

    @Test
    void starFieldsAreRenderedCanonicallyAndOffsetsPointIntoThatText() {
        Scorecard c = engine.score(StoryInput.star("  Context here. ", "The goal.", "I did it. Then more.", "It rose 5%."));
        assertThat(c.text()).isEqualTo("## Situation\nContext here.\n\n## Task\nThe goal.\n\n## Action\nI did it. Then more.\n\n## Result\nIt rose 5%.");
        assertThat(c.segmentation().mode()).isEqualTo(SegmentationMode.STAR_FIELDS);
        assertThat(c.segmentation().sections()).extracting(Section::kind)
                .containsExactly(SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT);
        Section action = c.segmentation().sections().get(2);
        assertThat(c.text().substring(action.start(), action.end())).isEqualTo("I did it. Then more.");
        assertThat(c.segmentation().sentences()).extracting(Sentence::text)
                .containsExactly("Context here.", "The goal.", "I did it.", "Then more.", "It rose 5%.");
        for (Sentence s : c.segmentation().sentences()) {
            assertThat(c.text().substring(s.start(), s.end())).isEqualTo(s.text());
        }
        assertThat(c.measurements().wordsBySection().get(SectionKind.ACTION)).isEqualTo(5);
    }

    @Test
    void markdownHeadingsLabelsTitlesAndAppendixAreRecognised() {
        String text = """
                ---
                title: my story
                ---
                # Checkout rollback
                **Context:** I was the PM for checkout, e.g. the payment page, at a U.S. retailer.
                ## What I did
                - I read 200 tickets myself.
                - I rolled back the change for 3.5 days.
                ## Outcome
                Tickets fell 40%.
                ## Deep-dive appendix
                Raw data: 1,200 tickets, 40 a week.
                """;
        Scorecard c = engine.score(StoryInput.text(text));
        assertThat(c.segmentation().mode()).isEqualTo(SegmentationMode.HEADINGS);
        assertThat(c.segmentation().sections()).extracting(Section::kind)
                .containsExactly(SectionKind.SITUATION, SectionKind.ACTION, SectionKind.RESULT, SectionKind.APPENDIX);
        assertThat(c.segmentation().sentences()).extracting(Sentence::text).containsExactly(
                "I was the PM for checkout, e.g. the payment page, at a U.S. retailer.",
                "I read 200 tickets myself.",
                "I rolled back the change for 3.5 days.",
                "Tickets fell 40%.",
                "Raw data: 1,200 tickets, 40 a week.");
        assertThat(c.measurements().hasAppendix()).isTrue();
        assertThat(c.measurements().spokenWords()).isLessThan(c.measurements().totalWords());
    }

    @Test
    void freeTextWithoutHeadingsGetsInferredStarSections() {
        String text = """
                In 2022 I was the product manager for returns at a shoe retailer, and exchanges were slow.

                My goal was to make exchanges easy without raising the cost of returns.

                I listened to forty calls and proposed reserving the new size at once. The finance director disagreed, so I tested it with loyal customers first. The first version failed for gift cards, and I fixed it.

                As a result, exchanges rose from 18% to 44% of size returns within three months.
                """;
        Scorecard c = engine.score(StoryInput.text(text));
        assertThat(c.segmentation().mode()).isEqualTo(SegmentationMode.INFERRED);
        assertThat(c.segmentation().sections()).extracting(Section::kind)
                .containsExactly(SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT);
        assertThat(c.segmentation().sentences().get(c.segmentation().sentences().size() - 1).section()).isEqualTo(SectionKind.RESULT);
    }

    @Test
    void oddCasingAndUnicodeAreMatchedWithOffsetsIntoTheOriginal() {
        String text = Stories.withAction("TO SAVE TIME I SKIPPED THE SECURITY REVIEW — ＩＴ was “fine”.");
        Scorecard c = engine.score(StoryInput.text(text));
        var e = c.flag(com.storyloop.rubric.scorecard.FlagCode.SAFEGUARD_BYPASS).orElseThrow().evidence().get(0);
        assertThat(e.text()).isEqualTo("SKIPPED THE SECURITY REVIEW");
        assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
}
