package com.storyloop.console.stories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.RubricPreview;
import com.storyloop.console.stories.application.RubricPreview.Block;
import com.storyloop.console.stories.application.RubricPreview.Run;

import static org.assertj.core.api.Assertions.assertThat;

class RubricPreviewTest {

    static final String TEXT = "## Situation\nSales fell 10%.\n\n## Result\nSales rose 4%.";

    static Map<String, Object> scorecard() {
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("STRUCTURE", Map.of("score", 3, "reason", "4/4 sections"));
        dimensions.put("FRICTION", Map.of("score", 1, "reason", "no conflict"));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("overall", 41);
        card.put("verdict", "BORDERLINE");
        card.put("verdictDecision", Map.of("rule", "MAJOR_FLAG", "explanation", "1 MAJOR flag caps the verdict"));
        card.put("segmentation", Map.of("text", TEXT, "sections", List.of(
                Map.of("kind", "SITUATION", "heading", "Situation", "start", 13, "end", 28),
                Map.of("kind", "RESULT", "heading", "Result", "start", 40, "end", 54))));
        card.put("flags", List.of(
                Map.of("code", "TOO_SHORT", "severity", "MINOR", "explanation", "Too short.", "lookedFor", "90-210 s",
                        "evidence", List.of(Map.of("start", 13, "end", 54, "text", "...", "section", "SITUATION", "sentence", -1, "note", "9 words"))),
                Map.of("code", "METRIC_WITHOUT_MECHANISM", "severity", "MAJOR", "explanation", "No cause shown.", "lookedFor", "a test",
                        "evidence", List.of(Map.of("start", 51, "end", 53, "text", "4%", "section", "RESULT", "sentence", 1, "note", "a number")))));
        card.put("dimensions", dimensions);
        card.put("principles", Map.of(
                "fits", List.of(
                        Map.of("code", "OWNERSHIP", "fit", 0.2, "claimed", false, "demonstrated", false, "evidence", List.of()),
                        Map.of("code", "DIVE_DEEP", "fit", 0.7, "claimed", false, "demonstrated", true, "evidence", List.of(Map.of())),
                        Map.of("code", "BACKBONE", "fit", 0.514, "claimed", true, "demonstrated", false, "evidence", List.of())),
                "warnings", List.of(Map.of("code", "BACKBONE", "message", "claimed BACKBONE but the story shows little evidence for it"))));
        card.put("measurements", Map.of("totalWords", 6, "speakingSeconds", 3));
        return card;
    }

    @Test
    void givenAScorecard_whenArranged_thenVerdictAndItsRuleAreReadable() {
        RubricPreview preview = RubricPreview.from(scorecard());

        assertThat(preview.overall()).isEqualTo(41);
        assertThat(preview.verdict()).isEqualTo("BORDERLINE");
        assertThat(preview.ruleLabel()).isEqualTo("Major flag");
        assertThat(preview.explanation()).isEqualTo("1 MAJOR flag caps the verdict");
    }

    @Test
    void givenFlagsOfMixedSeverity_whenArranged_thenWorstComesFirstAndNumbersFollowTheList() {
        RubricPreview preview = RubricPreview.from(scorecard());

        assertThat(preview.flags()).extracting(RubricPreview.Flag::code).containsExactly("METRIC_WITHOUT_MECHANISM", "TOO_SHORT");
        assertThat(preview.flags()).extracting(RubricPreview.Flag::number).containsExactly(1, 2);
    }

    @Test
    void givenEvidenceAboutTheWholeStory_whenArranged_thenItIsNotedWithTheFlagInsteadOfMarkingEverything() {
        RubricPreview preview = RubricPreview.from(scorecard());

        RubricPreview.Flag tooShort = preview.flags().get(1);
        assertThat(tooShort.evidence()).isEmpty();
        assertThat(tooShort.wholeStoryNotes()).containsExactly("9 words");
        assertThat(preview.scoredText().get(0).runs()).noneMatch(Run::marked);
    }

    @Test
    void givenSectionsWithRenderedHeadings_whenArranged_thenEachSectionIsABlockAndTheHeadingLinesAreNotRepeated() {
        List<Block> blocks = RubricPreview.from(scorecard()).scoredText();

        assertThat(blocks).extracting(Block::label).containsExactly("Situation", "Result");
        assertThat(blocks.get(0).runs()).extracting(Run::text).containsExactly("Sales fell 10%.");
    }

    @Test
    void givenEvidenceInASection_whenArranged_thenItsWordsAreMarkedWithTheFlagNumber() {
        Block result = RubricPreview.from(scorecard()).scoredText().get(1);

        assertThat(result.runs()).extracting(Run::text).containsExactly("Sales rose ", "4%", ".");
        Run mark = result.runs().get(1);
        assertThat(mark.marked()).isTrue();
        assertThat(mark.refs()).containsExactly(1);
        assertThat(mark.severity()).isEqualTo("MAJOR");
        assertThat(mark.flagCodes()).isEqualTo("METRIC_WITHOUT_MECHANISM");
        assertThat(mark.describe()).isEqualTo("evidence for METRIC_WITHOUT_MECHANISM (MAJOR)");
    }

    @Test
    void givenPrincipleFits_whenArranged_thenClaimedComeFirstAndUnclaimedUndetectedAreSetApart() {
        RubricPreview preview = RubricPreview.from(scorecard());

        assertThat(preview.principles()).extracting(RubricPreview.PrincipleRow::code).containsExactly("BACKBONE", "DIVE_DEEP");
        assertThat(preview.principles().get(0).fitText()).isEqualTo("0.51");
        assertThat(preview.principles().get(0).status()).isEqualTo("claimed, not shown");
        assertThat(preview.principles().get(1).status()).isEqualTo("shown, not claimed");
        assertThat(preview.principles().get(0).title()).isEqualTo("Have Backbone; Disagree and Commit");
        assertThat(preview.otherPrinciples()).extracting(RubricPreview.PrincipleRow::code).containsExactly("OWNERSHIP");
        assertThat(preview.principleNotes()).containsExactly("claimed BACKBONE but the story shows little evidence for it");
    }

    @Test
    void givenDimensions_whenArranged_thenTheyFollowTheRubricOrderWithTheirReasons() {
        RubricPreview preview = RubricPreview.from(scorecard());

        assertThat(preview.dimensions()).extracting(RubricPreview.DimensionRow::label).containsExactly("Friction", "Structure");
        assertThat(preview.dimensions().get(0).score()).isEqualTo(1);
        assertThat(preview.dimensions().get(0).reason()).isEqualTo("no conflict");
    }

    @Test
    void givenFreeTextWithInferredSections_whenArranged_thenBlocksSayTheyAreTheEnginesReading() {
        Map<String, Object> card = new LinkedHashMap<>(scorecard());
        card.put("segmentation", Map.of("text", "First part.\n\nSecond part.", "sections", List.of(
                Map.of("kind", "SITUATION", "start", 0, "end", 11), Map.of("kind", "RESULT", "start", 13, "end", 25))));
        card.put("flags", List.of());

        List<Block> blocks = RubricPreview.from(card).scoredText();

        assertThat(blocks).extracting(Block::label).containsExactly("Situation (as the engine read it)", "Result (as the engine read it)");
    }

    @Test
    void givenAnEmptyScorecard_whenArranged_thenNothingFails() {
        RubricPreview preview = RubricPreview.from(Map.of());

        assertThat(preview.flags()).isEmpty();
        assertThat(preview.scoredText()).isEmpty();
        assertThat(preview.ruleLabel()).isEmpty();
    }
}
