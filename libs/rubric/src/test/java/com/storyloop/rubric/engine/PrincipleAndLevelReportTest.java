package com.storyloop.rubric.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.LevelReport;
import com.storyloop.rubric.scorecard.LevelSignal;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.PrincipleFit;
import com.storyloop.rubric.scorecard.PrincipleNote;
import com.storyloop.rubric.scorecard.PrincipleReport;
import com.storyloop.rubric.scorecard.SignalKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Claimed principles are checked against the evidence, and scope is reported as the signals found, never guessed. */
class PrincipleAndLevelReportTest {

    private final RubricEngine engine = RubricEngine.standard();

    @Test
    void givenAClaimTheStoryDoesNotSupport_whenScored_thenItIsAWarningNamingThePrinciple() {
        PrincipleReport report = engine.score(StoryInput.text(Stories.PASSING).withClaimedPrinciples(List.of("HIRE_AND_DEVELOP", "DIVE_DEEP")))
                .principles();

        assertThat(report.claimed()).containsExactly(Principle.HIRE_AND_DEVELOP, Principle.DIVE_DEEP);
        assertThat(report.warnings()).extracting(PrincipleNote::principle).containsExactly(Principle.HIRE_AND_DEVELOP);
        assertThat(report.warnings().get(0).message()).startsWith("claimed HIRE_AND_DEVELOP but the story shows little evidence for it");
        assertThat(report.fit(Principle.DIVE_DEEP).demonstrated()).as("three months of booking data, 70% of missed appointments").isTrue();
    }

    @Test
    void givenNothingClaimed_whenAPrincipleIsStronglyShown_thenItIsSuggestedWithItsEvidence() {
        PrincipleReport report = engine.score(StoryInput.text(Stories.PASSING)).principles();

        assertThat(report.suggestions()).isNotEmpty();
        for (PrincipleNote suggestion : report.suggestions()) {
            PrincipleFit fit = report.fit(suggestion.principle());
            assertThat(suggestion.message()).startsWith("strong evidence for " + suggestion.principle()).endsWith("which is not claimed");
            assertThat(fit.demonstrated()).isTrue();
            assertThat(fit.evidence()).isNotEmpty();
        }
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void givenAStoryWithScope_whenScoredForL7_thenEachSignalIsReportedWithItsSpanAndComparedWithTheLevel() {
        String story = Stories.withAction("The migration involved four teams across engineering, finance and legal, $2 million in licences, "
                + "and 3 million users, over nine months, and the requirements were unclear at the start.");

        LevelReport level = engine.score(StoryInput.text(story).withTargetLevel(Level.L7)).level();

        assertThat(level.signals()).extracting(LevelSignal::kind)
                .contains(SignalKind.TEAMS, SignalKind.MONEY, SignalKind.USERS, SignalKind.DURATION, SignalKind.AMBIGUITY);
        assertThat(level.summary().teams()).isGreaterThanOrEqualTo(4);
        assertThat(level.summary().largestMoney()).isEqualTo(2_000_000.0);
        assertThat(level.summary().largestUserCount()).isEqualTo(3_000_000.0);
        assertThat(level.summary().longestDurationMonths()).isEqualTo(9.0);
        assertThat(level.summary().ambiguityMentions()).isGreaterThanOrEqualTo(1);
        for (LevelSignal signal : level.signals()) {
            assertThat(story.contains(signal.evidence().text())).as(signal.kind() + " " + signal.evidence().text()).isTrue();
        }
        assertThat(level.observations()).isNotEmpty().allMatch(o -> o.startsWith("L7 expects at least "))
                .allMatch(o -> o.endsWith("(met)") || o.endsWith("(not shown)"));
        assertThat(level.observations()).anyMatch(o -> o.contains("months of horizon: found 9"));
    }

    @Test
    void givenAStoryWithoutScope_whenScoredForL7_thenTheExpectationsAreNotShownRatherThanGuessed() {
        LevelReport level = engine.score(StoryInput.text(Stories.PASSING).withTargetLevel(Level.L7)).level();

        assertThat(level.signals()).extracting(LevelSignal::kind).doesNotContain(SignalKind.MONEY, SignalKind.AMBIGUITY);
        assertThat(level.summary().longestDurationMonths()).as("three months of data, a four-week test").isEqualTo(3.0);
        assertThat(level.observations()).contains("L7 expects at least 6 months of horizon: found 3 (not shown)",
                "L7 expects at least 1 ambiguity signals: found 0 (not shown)");
    }
}
