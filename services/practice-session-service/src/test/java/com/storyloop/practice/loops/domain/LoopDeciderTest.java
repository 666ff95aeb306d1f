package com.storyloop.practice.loops.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.practice.loops.domain.LoopCommand.AskProbe;
import com.storyloop.practice.loops.domain.LoopCommand.AskQuestion;
import com.storyloop.practice.loops.domain.LoopCommand.CompleteLoop;
import com.storyloop.practice.loops.domain.LoopCommand.GiveAnswer;
import com.storyloop.practice.loops.domain.LoopCommand.PlanLoop;
import com.storyloop.practice.loops.domain.LoopCommand.RateAnswer;
import com.storyloop.practice.loops.domain.LoopEvent.AnswerGiven;
import com.storyloop.practice.loops.domain.LoopEvent.AnswerRated;
import com.storyloop.practice.loops.domain.LoopEvent.LoopCompleted;
import com.storyloop.practice.loops.domain.LoopEvent.LoopSummary;
import com.storyloop.practice.loops.domain.LoopEvent.ProbeAsked;
import com.storyloop.practice.loops.domain.LoopEvent.QuestionAsked;
import com.storyloop.practice.loops.domain.LoopEvent.StoryUse;
import com.storyloop.practice.loops.domain.LoopPlan.PlannedInterview;
import com.storyloop.practice.loops.domain.LoopPlan.PlannedSlot;

import static com.storyloop.rubric.scorecard.Principle.CUSTOMER_OBSESSION;
import static com.storyloop.rubric.scorecard.Principle.FRUGALITY;
import static com.storyloop.rubric.scorecard.Principle.OWNERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopDeciderTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    /** Interview 0 asks CUSTOMER_OBSESSION then OWNERSHIP; interview 1 (bar raiser) asks CUSTOMER_OBSESSION again, then FRUGALITY. */
    static final LoopPlan PLAN = new LoopPlan(List.of(
            new PlannedInterview(0, "Hiring manager", null, false, List.of(new PlannedSlot(0, CUSTOMER_OBSESSION, "s1", null),
                    new PlannedSlot(1, OWNERSHIP, "s1", null))),
            new PlannedInterview(1, "Bar raiser", null, true, List.of(new PlannedSlot(0, CUSTOMER_OBSESSION, "s2", null),
                    new PlannedSlot(1, FRUGALITY, null, "no story in the bank evidences FRUGALITY")))), List.of());

    final List<LoopEvent> history = new ArrayList<>();

    LoopDeciderTest given(LoopCommand... commands) {
        for (LoopCommand command : commands) {
            history.addAll(LoopDecider.decide(command, LoopDecider.fold(history)));
        }
        return this;
    }

    List<LoopEvent> when(LoopCommand command) {
        return LoopDecider.decide(command, LoopDecider.fold(history));
    }

    static PlanLoop plan(LoopMode mode) {
        return new PlanLoop("loop-1", "org-1", "client-1", "bank-1", mode, PLAN, NOW);
    }

    static AskQuestion ask(int interview, int slot) {
        return new AskQuestion(interview, slot, "q-" + interview + "-" + slot, "Tell me about a time...", NOW);
    }

    static GiveAnswer answer(int interview, int slot, String story, int seconds) {
        return new GiveAnswer(interview, slot, story, 3, seconds, null, NOW);
    }

    @Test
    void givenAPlannedLoop_whenAQuestionIsAsked_thenItCarriesTheSlotsPrinciple() {
        given(plan(LoopMode.INTERVIEWED));

        assertThat(when(ask(0, 1))).containsExactly(new QuestionAsked("loop-1", 0, 1, "q-0-1", OWNERSHIP, "Tell me about a time...", NOW));
    }

    @Test
    void givenAPlannedLoop_whenASlotOutsideThePlanOrTwiceIsAsked_thenRefused() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0));

        assertThatThrownBy(() -> when(ask(2, 0))).isInstanceOfSatisfying(LoopRuleViolation.class, e -> assertThat(e.field()).isEqualTo("slotIndex"));
        assertThatThrownBy(() -> when(ask(0, 0))).hasMessageContaining("already asked");
    }

    @Test
    void givenAQuestion_whenAnswered_thenStoryRevisionDurationAndTranscriptMeasuresAreRecorded() {
        given(plan(LoopMode.SELF_PRACTICE), ask(0, 0));

        List<LoopEvent> events = when(new GiveAnswer(0, 0, "s1", 3, 120, "Um, I rolled back the launch, you know, because like 4% of users hurt.", NOW));

        AnswerGiven given = (AnswerGiven) events.get(0);
        assertThat(given.principle()).isEqualTo(CUSTOMER_OBSESSION);
        assertThat(given.storyId()).isEqualTo("s1");
        assertThat(given.storyRevision()).isEqualTo(3);
        assertThat(given.durationSeconds()).isEqualTo(120);
        assertThat(given.measures().fillerWords()).isEqualTo(3);
        assertThat(given.measures().wordsPerMinute()).isEqualTo(7); // 14 words in 2 minutes
    }

    @Test
    void givenAStoryThatAnsweredAPrinciple_whenItAnswersTheSamePrincipleAgain_thenRefusedNamingTheStory() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0), answer(0, 0, "s1", 150), ask(1, 0));

        assertThatThrownBy(() -> when(answer(1, 0, "s1", 150)))
                .isInstanceOfSatisfying(LoopRuleViolation.class, e -> assertThat(e.field()).isEqualTo("storyId"))
                .hasMessageContaining("Story s1 already answered CUSTOMER_OBSESSION in this loop");
    }

    @Test
    void givenAStoryThatAnsweredAPrinciple_whenItAnswersAnotherPrinciple_thenAccepted() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0), answer(0, 0, "s1", 150), ask(0, 1));

        assertThat(when(answer(0, 1, "s1", 150))).singleElement().isInstanceOf(AnswerGiven.class);
    }

    @Test
    void givenNoQuestionOrAnAnsweredOne_whenAnswered_thenRefused() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0), answer(0, 0, "s1", 150));

        assertThatThrownBy(() -> when(answer(0, 1, "s2", 150))).hasMessageContaining("No question was asked");
        assertThatThrownBy(() -> when(answer(0, 0, "s2", 150))).hasMessageContaining("already answered");
        given(ask(0, 1));
        assertThatThrownBy(() -> when(answer(0, 1, "s2", 0)))
                .isInstanceOfSatisfying(LoopRuleViolation.class, e -> assertThat(e.field()).isEqualTo("durationSeconds"));
    }

    @Test
    void answerTimesOutside90To240SecondsAreFlaggedAnd120To180IsTheTarget() {
        assertThat(AnswerTiming.of(89)).isEqualTo(AnswerTiming.TOO_SHORT);
        assertThat(AnswerTiming.of(90).flagged()).isFalse();
        assertThat(AnswerTiming.of(120)).isEqualTo(AnswerTiming.ON_TARGET);
        assertThat(AnswerTiming.of(180)).isEqualTo(AnswerTiming.ON_TARGET);
        assertThat(AnswerTiming.of(240).flagged()).isFalse();
        assertThat(AnswerTiming.of(241)).isEqualTo(AnswerTiming.TOO_LONG);
        assertThat(AnswerTiming.of(241).flagged()).isTrue();
    }

    @Test
    void givenAnAnswer_whenProbed_thenProbesAreNumberedInOrder() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0), answer(0, 0, "s1", 150), new AskProbe(0, 0, "What data?", "Tickets", true, NOW));

        assertThat(when(new AskProbe(0, 0, "Who disagreed?", null, false, NOW)))
                .containsExactly(new ProbeAsked("loop-1", "q-0-0", 0, 0, 1, "Who disagreed?", null, false, NOW));
    }

    @Test
    void givenAnAnswer_whenRated_thenTheRatingIsRecordedOnceOnly() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0), answer(0, 0, "s1", 150));
        RateAnswer rate = new RateAnswer(0, 0, "interviewer-1", Rating.INCLINED, "Clear mechanism", NOW);

        assertThat(when(rate)).containsExactly(new AnswerRated("loop-1", "q-0-0", 0, 0, "interviewer-1", Rating.INCLINED, "Clear mechanism", NOW));
        given(rate);
        assertThatThrownBy(() -> when(rate)).hasMessageContaining("already rated INCLINED");
    }

    @Test
    void givenSelfPractice_whenRated_thenRefused() {
        given(plan(LoopMode.SELF_PRACTICE), ask(0, 0), answer(0, 0, "s1", 150));

        assertThatThrownBy(() -> when(new RateAnswer(0, 0, "someone", Rating.INCLINED, null, NOW)))
                .hasMessageContaining("self-practice loop has no interviewer ratings");
    }

    @Test
    void givenAPartlyRunLoop_whenCompleted_thenTheSummaryCoversPrinciplesStoriesTimingAndBadProbes() {
        given(plan(LoopMode.INTERVIEWED), ask(0, 0), answer(0, 0, "s1", 150), new RateAnswer(0, 0, "i-1", Rating.STRONGLY_INCLINED, null, NOW),
                ask(0, 1), answer(0, 1, "s1", 300), new AskProbe(0, 1, "What did it cost?", "Not sure", false, NOW),
                ask(1, 0), answer(1, 0, "s2", 60));

        List<LoopEvent> events = when(new CompleteLoop(NOW));

        LoopSummary summary = ((LoopCompleted) events.get(0)).summary();
        assertThat(summary.abandoned()).isTrue();
        assertThat(summary.questionsAsked()).isEqualTo(3);
        assertThat(summary.answersGiven()).isEqualTo(3);
        assertThat(summary.answersInTargetTime()).isEqualTo(1);
        assertThat(summary.principles()).extracting(LoopEvent.PrincipleOutcome::principle).containsExactly(CUSTOMER_OBSESSION, OWNERSHIP,
                CUSTOMER_OBSESSION);
        assertThat(summary.principles().get(0).rating()).isEqualTo(Rating.STRONGLY_INCLINED);
        assertThat(summary.principles().get(1).probesHandledPoorly()).isEqualTo(1);
        assertThat(summary.principles().get(1).flags()).isEmpty();
        // per story: what it answered, how it was rated, how long it took on average, how often outside 90-240 s, probes gone badly
        assertThat(summary.storyUse()).containsExactly(
                new StoryUse("s1", 2, List.of(CUSTOMER_OBSESSION, OWNERSHIP), List.of(Rating.STRONGLY_INCLINED), 225, 1, 1),
                new StoryUse("s2", 1, List.of(CUSTOMER_OBSESSION), List.of(), 60, 1, 0));
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains("answer took 300 s, outside 90-240 s"))
                .anySatisfy(w -> assertThat(w).contains("answer took 60 s"))
                .anySatisfy(w -> assertThat(w).isEqualTo("OWNERSHIP: 1 probe(s) went badly: \"What did it cost?\""));
    }

    @Test
    void givenAReviewedTranscript_whenCompleted_thenThePrinciplesOutcomeCarriesTheEnginesFlags() {
        given(plan(LoopMode.SELF_PRACTICE), ask(0, 0), new GiveAnswer(0, 0, "s1", 3, 100, "We did it.",
                new LoopCommand.TranscriptReview("1.0", List.of("ROYAL_WE", "TOO_SHORT")), NOW));

        LoopSummary summary = ((LoopCompleted) when(new CompleteLoop(NOW)).get(0)).summary();

        assertThat(summary.principles().get(0).flags()).containsExactly("ROYAL_WE", "TOO_SHORT");
        assertThat(summary.principles().get(0).rating()).isNull();
    }

    @Test
    void givenACompletedLoop_whenAnythingMoreIsRecorded_thenRefused() {
        given(plan(LoopMode.INTERVIEWED), new CompleteLoop(NOW));

        assertThatThrownBy(() -> when(ask(0, 0))).hasMessageContaining("is completed");
        assertThatThrownBy(() -> when(new CompleteLoop(NOW))).hasMessageContaining("is completed");
        assertThatThrownBy(() -> when(plan(LoopMode.INTERVIEWED))).hasMessageContaining("already planned");
    }
}
