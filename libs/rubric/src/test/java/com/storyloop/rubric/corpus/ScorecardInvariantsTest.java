package com.storyloop.rubric.corpus;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.LevelSignal;
import com.storyloop.rubric.scorecard.PrincipleFit;
import com.storyloop.rubric.scorecard.PrincipleNote;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.Severity;
import com.storyloop.rubric.scorecard.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a coach relies on in every scorecard, checked on all 96 corpus stories rather than on one example each: every flag
 * shows its evidence (or says what was looked for), every span is the text it claims to be, every dimension has a score
 * in range and a reason, and the verdict names the rule that decided it.
 */
class ScorecardInvariantsTest {

    private final RubricEngine engine = RubricEngine.standard();

    @Test
    void everyScorecardOfTheCorpusExplainsItselfWithSpansThatMatchTheText() throws Exception {
        List<CorpusStory> corpus = CorpusTest.loadCorpus();
        int flagsChecked = 0;
        int spansChecked = 0;
        for (CorpusStory story : corpus) {
            Scorecard card = engine.score(story.input());
            String id = story.id();

            assertThat(card.rubricVersion()).as(id).isEqualTo("1.0.0");
            assertThat(card.dimensions()).as(id).hasSize(Dimension.values().length);
            for (DimensionScore d : card.dimensions()) {
                assertThat(d.score()).as(id + " " + d.dimension()).isBetween(0, 5);
                assertThat(d.reason()).as(id + " " + d.dimension()).isNotBlank();
            }
            assertThat(card.overall()).as(id).isBetween(0, 100);
            assertThat(card.verdict().rule()).as(id).isNotBlank();
            if (card.flags().stream().anyMatch(f -> f.severity() == Severity.SEVERE)) {
                assertThat(card.verdict().verdict()).as(id + ": a severe flag caps the verdict").isEqualTo(Verdict.FAIL);
            }

            for (Flag flag : card.flags()) {
                flagsChecked++;
                assertThat(!flag.evidence().isEmpty() || flag.lookedFor() != null).as(id + " " + flag.code() + " shows its evidence").isTrue();
                assertThat(flag.explanation()).as(id + " " + flag.code()).isNotBlank();
                spansChecked += spansMatch(card, flag.evidence(), id + " " + flag.code());
            }

            assertThat(card.principles().fits()).as(id).hasSize(16);
            for (PrincipleFit fit : card.principles().fits()) {
                assertThat(fit.fit()).as(id + " " + fit.principle()).isBetween(0.0, 1.0);
                if (fit.demonstrated()) {
                    assertThat(fit.evidence()).as(id + " " + fit.principle() + " is demonstrated by something").isNotEmpty();
                }
                spansChecked += spansMatch(card, fit.evidence(), id + " " + fit.principle());
            }
            List<Principle> claimed = card.principles().claimed();
            assertThat(card.principles().warnings()).extracting(PrincipleNote::principle).as(id).allMatch(claimed::contains);
            assertThat(card.principles().suggestions()).extracting(PrincipleNote::principle).as(id).noneMatch(claimed::contains);

            for (LevelSignal signal : card.level().signals()) {
                spansChecked += spansMatch(card, List.of(signal.evidence()), id + " " + signal.kind());
            }
        }
        System.out.printf("checked %d flags and %d evidence spans over %d stories%n", flagsChecked, spansChecked, corpus.size());
        assertThat(flagsChecked).as("the corpus raises flags to check").isGreaterThanOrEqualTo(40);
    }

    private static int spansMatch(Scorecard card, List<Evidence> evidence, String what) {
        for (Evidence e : evidence) {
            if (e.start() < e.end()) {
                assertThat(card.text().substring(e.start(), e.end())).as(what + " span " + e.start() + "-" + e.end()).isEqualTo(e.text());
            }
        }
        return evidence.size();
    }
}
