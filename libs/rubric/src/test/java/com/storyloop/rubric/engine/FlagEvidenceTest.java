package com.storyloop.rubric.engine;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.Severity;
import com.storyloop.rubric.scorecard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a text, the flag is raised and its evidence points at the words that triggered it. */
class FlagEvidenceTest {

    private final RubricEngine engine = RubricEngine.standard();

    private Scorecard score(String text) {
        return engine.score(StoryInput.text(text));
    }

    private static Flag flag(Scorecard c, FlagCode code) {
        return c.flag(code).orElseThrow(() -> new AssertionError(code + " not raised; flags: " + c.flags()));
    }

    @Test
    void basePassingStoryRaisesNoFlagAndPasses() {
        Scorecard c = score(Stories.PASSING);
        assertThat(c.flags()).isEmpty();
        assertThat(c.verdict().verdict()).isEqualTo(Verdict.PASS);
        assertThat(c.verdict().rule()).isEqualTo("SCORE");
    }

    @Test
    void skippedSecurityReviewIsASevereBypassWithTheSpanAndSentence() {
        Scorecard c = score(Stories.withAction("To hit the date, I skipped the security review for the new form."));
        Flag f = flag(c, FlagCode.SAFEGUARD_BYPASS);
        assertThat(f.severity()).isEqualTo(Severity.SEVERE);
        Evidence e = f.evidence().get(0);
        assertThat(e.text()).isEqualTo("skipped the security review");
        assertThat(c.text().substring(e.start(), e.end())).isEqualTo(e.text());
        assertThat(e.section()).isEqualTo(SectionKind.ACTION);
        assertThat(c.segmentation().sentences().get(e.sentence()).text())
                .isEqualTo("To hit the date, I skipped the security review for the new form.");
        assertThat(c.verdict().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.verdict().rule()).isEqualTo("SEVERE_FLAG");
    }

    @Test
    void goingLiveWithoutLegalSignOffIsABypass() {
        Scorecard c = score(Stories.withAction("I decided we would go live without legal sign-off and fix the terms later."));
        assertThat(flag(c, FlagCode.SAFEGUARD_BYPASS).evidence()).extracting(Evidence::text).contains("go live without legal sign-off");
    }

    @Test
    void heroFramingPointsAtTheLoneWolfWords() {
        Scorecard c = score(Stories.withAction("I single-handedly rewrote the plan and worked every weekend to finish it."));
        Flag f = flag(c, FlagCode.HERO_NARRATIVE);
        assertThat(f.evidence()).extracting(Evidence::text).contains("single-handedly", "worked every weekend");
        assertThat(c.verdict().verdict()).isEqualTo(Verdict.BORDERLINE);
        assertThat(c.verdict().rule()).isEqualTo("MAJOR_FLAG");
    }

    @Test
    void contemptForAnotherTeamIsAVillain() {
        Scorecard c = score(Stories.withAction("The data team was incompetent and dragged their feet for weeks."));
        assertThat(flag(c, FlagCode.VILLAIN).evidence()).extracting(Evidence::text).contains("incompetent", "dragged their feet");
    }

    @Test
    void harmAcceptedForTheAggregateIsDismissedCustomerHarm() {
        Scorecard c = score(Stories.PASSING.replace("We rolled text reminders out",
                "Some older patients could not book online any more, but I decided it was an acceptable trade-off for the overall numbers. We rolled text reminders out"));
        Flag f = flag(c, FlagCode.CUSTOMER_HARM_DISMISSED);
        assertThat(f.evidence()).extracting(Evidence::text).contains("an acceptable trade-off");
    }

    @Test
    void weOnlyActionWithoutOwnDecisionIsRoyalWe() {
        String text = Stories.PASSING.substring(0, Stories.PASSING.indexOf("## Action")) + """
                ## Action
                We looked at the booking data and we saw that older patients missed most appointments. We debated raising the fee with the operations director, who disagreed with us. We tested text reminders in half of the clinics, and we restarted the test after a bug sent texts at midnight.

                ## Result
                Missed appointments fell from 11% to 6%, and fee complaints dropped by 64%.
                """;
        Scorecard c = score(text);
        Flag f = flag(c, FlagCode.ROYAL_WE);
        assertThat(f.lookedFor()).contains("I decided");
        assertThat(f.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.text()).containsIgnoringCase("we"));
        assertThat(c.measurements().firstPersonPluralActions()).isGreaterThanOrEqualTo(4);
        assertThat(c.measurements().firstPersonSingularActions()).isZero();
    }

    @Test
    void numbersWithoutMechanismAreAMetricDump() {
        Scorecard c = score("""
                ## Situation
                I was the PM for a fitness app whose growth had stalled for a year, and the board was unhappy about it.

                ## Task
                I was asked to own growth for the year with a team of six engineers.

                ## Action
                I set the vision, wrote the requirements and ran weekly reviews with the team. Marketing pushed back on my roadmap and we argued about priorities for a month. I kept the stakeholders aligned and made the final calls on scope, and the first release slipped by three weeks.

                ## Result
                Daily active users grew 25%, retention rose from 31% to 38%, and revenue grew by $2 million.
                """);
        Flag f = flag(c, FlagCode.METRIC_WITHOUT_MECHANISM);
        assertThat(f.evidence()).extracting(Evidence::text).contains("grew 25%", "grew by $2");
        assertThat(f.lookedFor()).contains("hypothesis");
    }

    @Test
    void emptyResultIsAnAbsenceFlagThatSaysWhatWasLookedFor() {
        Scorecard c = engine.score(StoryInput.star(
                "I was the PM for rent payments on a property platform, and failed payments had tripled in a month.",
                "I had to find the cause before the next rent day.",
                "I grouped the failed payments by bank and found that most came from three banks with a new payee check. "
                        + "My first guess, the payment provider, was wrong. The provider disagreed with my reading, so we ran twenty test payments together.",
                "   "));
        Flag f = flag(c, FlagCode.NO_MEASURABLE_RESULT);
        assertThat(f.explanation()).contains("Result section is empty");
        assertThat(f.lookedFor()).contains("number");
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.section()).isEqualTo(SectionKind.RESULT);
            assertThat(e.start()).isEqualTo(c.text().length());
        });
    }

    @Test
    void noFrictionIsSevereAndExplainsWhatWasLookedFor() {
        Scorecard c = score("""
                ## Situation
                I was the PM for the newsletter of a news site with three million readers.

                ## Task
                My manager asked me to modernise the newsletter design with one designer.

                ## Action
                I collected examples from other publishers and shared them with the designer. Everyone agreed on a clean layout in the first meeting, the engineer built it in two weeks, and we sent it to all subscribers on the planned date. It went smoothly.

                ## Result
                Readers liked it and the open rate went from 31% to 35%.
                """);
        Flag f = flag(c, FlagCode.NO_CONFLICT);
        assertThat(f.lookedFor()).contains("disagreement").contains("trade-off");
        assertThat(f.evidence()).extracting(Evidence::text).contains("Everyone agreed", "went smoothly");
        assertThat(c.hasFlag(FlagCode.PERFECT_PATH)).isTrue();
        assertThat(c.verdict().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void heavyArchitectureForASmallProblemIsOverEngineering() {
        Scorecard c = score(Stories.withAction("To fix a minor latency issue I designed six microservices with an event bus and a service mesh, which I presented as an innovation."));
        assertThat(flag(c, FlagCode.OVER_ENGINEERING).evidence()).extracting(Evidence::text)
                .contains("microservices", "event bus", "service mesh");
    }

    @Test
    void lengthFlagsReportSecondsAndTheWpmUsed() {
        Scorecard shortOne = score("I was the PM for reorders. I suspected people did not trust the button, so I tested a version that showed saved changes; reorders rose 18%.");
        Flag f = flag(shortOne, FlagCode.TOO_SHORT);
        assertThat(f.explanation()).contains("140 wpm");
        assertThat(shortOne.measurements().wordsPerMinute()).isEqualTo(140);
        assertThat(shortOne.verdict().verdict()).isNotEqualTo(Verdict.PASS);

        String longOne = Stories.PASSING.replace("## Result", ("I also spoke with the clinic managers about the reminders and wrote down what they said. ").repeat(30) + "\n\n## Result");
        assertThat(score(longOne).hasFlag(FlagCode.TOO_LONG)).isTrue();
    }

    @Test
    void mostWordsOnContextIsActionResultUnder60() {
        String padded = Stories.PASSING.replace("## Task", ("The clinics had grown by acquisition and each ran its own booking rules and its own reminder settings. ").repeat(12) + "\n\n## Task");
        Scorecard c = score(padded);
        Flag f = flag(c, FlagCode.ACTION_RESULT_UNDER_60);
        assertThat(c.measurements().actionResultShare()).isLessThan(0.6);
        assertThat(f.evidence()).extracting(Evidence::section).contains(SectionKind.SITUATION);
    }

    @Test
    void everyEvidenceSpanMatchesTheReturnedText() {
        Scorecard c = score(Stories.withAction("I single-handedly skipped the privacy review, because the legal team was clueless as usual."));
        assertThat(c.flags()).isNotEmpty();
        for (Flag f : c.flags()) {
            assertThat(f.evidence().isEmpty() && f.lookedFor() == null).as(f.code() + " has evidence").isFalse();
            for (Evidence e : f.evidence()) {
                assertThat(c.text().substring(e.start(), e.end())).isEqualTo(e.text());
            }
        }
    }
}
