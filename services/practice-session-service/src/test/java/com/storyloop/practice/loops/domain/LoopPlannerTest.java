package com.storyloop.practice.loops.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.storyloop.practice.loops.domain.LoopPlan.PlannedSlot;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.domain.Provenance;
import com.storyloop.practice.questions.domain.Question;

import static com.storyloop.rubric.scorecard.Principle.BACKBONE;
import static com.storyloop.rubric.scorecard.Principle.CUSTOMER_OBSESSION;
import static com.storyloop.rubric.scorecard.Principle.DELIVER_RESULTS;
import static com.storyloop.rubric.scorecard.Principle.DIVE_DEEP;
import static com.storyloop.rubric.scorecard.Principle.FRUGALITY;
import static com.storyloop.rubric.scorecard.Principle.EARN_TRUST;
import static com.storyloop.rubric.scorecard.Principle.OWNERSHIP;
import static com.storyloop.rubric.scorecard.Principle.THINK_BIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopPlannerTest {

    static StoryCandidate story(String id, int score, Verdict verdict, Map<Principle, Double> fit) {
        return new StoryCandidate(id, "Story " + id, 1, fit.keySet(), fit, score, verdict, false);
    }

    static List<PlannedSlot> slots(LoopPlan plan) {
        return plan.interviews().stream().flatMap(i -> i.slots().stream()).toList();
    }

    /** Two PASS stories for each of the 16 principles, the first of each stronger. */
    static List<StoryCandidate> fullBank() {
        List<StoryCandidate> bank = new ArrayList<>();
        for (Principle p : Principle.values()) {
            bank.add(story(p.name() + "-strong", 85, Verdict.PASS, Map.of(p, 0.9)));
            bank.add(story(p.name() + "-weak", 70, Verdict.PASS, Map.of(p, 0.6)));
        }
        return bank;
    }

    @Test
    void givenAFullBank_whenPlanned_thenEverySlotGetsTheStrongestStoryForItsPrincipleAndTheBarRaiserIsLast() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(4, 3, true, List.of()), fullBank());

        assertThat(plan.interviews()).hasSize(4);
        assertThat(plan.interviews()).allSatisfy(i -> assertThat(i.slots()).hasSize(3));
        assertThat(slots(plan)).extracting(PlannedSlot::principle).containsExactly(List.of(Principle.values()).subList(0, 12).toArray(Principle[]::new));
        assertThat(slots(plan)).allSatisfy(s -> assertThat(s.proposedStoryId()).isEqualTo(s.principle().name() + "-strong"));
        assertThat(plan.interviews().get(3).barRaiser()).isTrue();
        assertThat(plan.interviews().get(3).interviewerRole()).isEqualTo("Bar raiser");
        assertThat(plan.interviews().subList(0, 3)).noneMatch(LoopPlan.PlannedInterview::barRaiser);
        assertThat(plan.unfilledSlots()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void givenAPrincipleAskedTwice_whenPlanned_thenTheSecondSlotGetsADifferentStory() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 1, false, List.of(FRUGALITY, FRUGALITY)), fullBank());

        assertThat(slots(plan)).extracting(PlannedSlot::proposedStoryId).containsExactly("FRUGALITY-strong", "FRUGALITY-weak");
    }

    @Test
    void givenOneStoryStrongestForTwoPrinciples_whenAnotherPassStoryCoversOne_thenEachSlotGetsADistinctStory() {
        StoryCandidate broad = story("broad", 90, Verdict.PASS, Map.of(OWNERSHIP, 0.9, DIVE_DEEP, 0.9));
        StoryCandidate focused = story("focused", 72, Verdict.PASS, Map.of(DIVE_DEEP, 0.7));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(1, 2, false, List.of(OWNERSHIP, DIVE_DEEP)), List.of(broad, focused));

        assertThat(slots(plan)).extracting(PlannedSlot::proposedStoryId).containsExactly("broad", "focused");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void givenOnlyAFailingAlternative_whenPlanned_thenThePassStoryIsUsedAgainRatherThanAFailOne() {
        StoryCandidate broad = story("broad", 90, Verdict.PASS, Map.of(OWNERSHIP, 0.9, DIVE_DEEP, 0.9));
        StoryCandidate failing = story("failing", 40, Verdict.FAIL, Map.of(DIVE_DEEP, 0.7));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(1, 2, false, List.of(OWNERSHIP, DIVE_DEEP)), List.of(broad, failing));

        assertThat(slots(plan)).extracting(PlannedSlot::proposedStoryId).containsExactly("broad", "broad");
    }

    @Test
    void givenABankMissingAPrinciple_whenPlanned_thenThatSlotIsNamedUnfilledWithTheReasonBeforeTheLoopStarts() {
        List<StoryCandidate> bank = fullBank().stream().filter(s -> !s.evidences(FRUGALITY)).toList();

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 2, false, List.of(CUSTOMER_OBSESSION, OWNERSHIP, FRUGALITY, DIVE_DEEP)), bank);

        PlannedSlot frugality = plan.slot(1, 0);
        assertThat(frugality.principle()).isEqualTo(FRUGALITY);
        assertThat(frugality.proposedStoryId()).isNull();
        assertThat(frugality.unfilledReason()).isEqualTo("no story in the bank evidences FRUGALITY");
        assertThat(plan.unfilledSlots()).containsExactly("interview 2, question 1 (FRUGALITY): no story in the bank evidences FRUGALITY");
        assertThat(plan.slot(1, 1).proposedStoryId()).isEqualTo("DIVE_DEEP-strong");
    }

    @Test
    void givenOnlyFailingOrRetiredStoriesForAPrinciple_whenPlanned_thenTheSlotSaysSo() {
        List<StoryCandidate> bank = List.of(story("fail", 30, Verdict.FAIL, Map.of(FRUGALITY, 0.9)),
                new StoryCandidate("old", "Old", 2, Set.of(BACKBONE), Map.of(BACKBONE, 0.9), 90, Verdict.PASS, true));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(1, 2, false, List.of(FRUGALITY, BACKBONE)), bank);

        assertThat(plan.slot(0, 0).unfilledReason()).isEqualTo("no story that evidences FRUGALITY passes: only FAIL stories");
        assertThat(plan.slot(0, 1).unfilledReason()).isEqualTo("only retired stories evidence BACKBONE");
    }

    @Test
    void givenOneDominantStory_whenPlanned_thenWeakerStoriesTakeOverOnceItAnswersTwoQuestions() {
        Map<Principle, Double> everything = Map.of(CUSTOMER_OBSESSION, 0.9, OWNERSHIP, 0.9, DIVE_DEEP, 0.9, DELIVER_RESULTS, 0.9);
        List<StoryCandidate> bank = List.of(story("dominant", 95, Verdict.PASS, everything),
                story("dive", 60, Verdict.PASS, Map.of(DIVE_DEEP, 0.7)),
                story("deliver", 60, Verdict.PASS, Map.of(DELIVER_RESULTS, 0.7)));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 2, false, List.of(CUSTOMER_OBSESSION, OWNERSHIP, DIVE_DEEP, DELIVER_RESULTS)), bank);

        assertThat(slots(plan)).extracting(PlannedSlot::proposedStoryId).containsExactly("dominant", "dominant", "dive", "deliver");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void givenOneDominantStoryAndNothingElse_whenPlanned_thenItIsProposedWithAWarningThatItAnswersMoreThanTwo() {
        Map<Principle, Double> everything = Map.of(CUSTOMER_OBSESSION, 0.9, OWNERSHIP, 0.9, DIVE_DEEP, 0.9);
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(1, 3, false, List.of(CUSTOMER_OBSESSION, OWNERSHIP, DIVE_DEEP)),
                List.of(story("dominant", 95, Verdict.PASS, everything)));

        assertThat(slots(plan)).extracting(PlannedSlot::proposedStoryId).containsOnly("dominant");
        assertThat(plan.warnings()).singleElement().asString().contains("\"Story dominant\" would answer 3 questions (more than 2)");
    }

    @Test
    void givenTooFewStories_whenPlanned_thenRepeatedPrinciplesRunOutAndEachFailingSlotSaysWhy() {
        List<StoryCandidate> bank = List.of(story("a", 80, Verdict.PASS, Map.of(CUSTOMER_OBSESSION, 0.8, OWNERSHIP, 0.8)),
                story("b", 50, Verdict.BORDERLINE, Map.of(OWNERSHIP, 0.5)));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(3, 2, true, List.of(CUSTOMER_OBSESSION, OWNERSHIP, CUSTOMER_OBSESSION, OWNERSHIP,
                FRUGALITY, OWNERSHIP)), bank);

        assertThat(slots(plan)).extracting(PlannedSlot::proposedStoryId).containsExactly("a", "a", null, "b", null, null);
        assertThat(plan.unfilledSlots()).containsExactly(
                "interview 2, question 1 (CUSTOMER_OBSESSION): every story that evidences CUSTOMER_OBSESSION already answers it in this loop"
                        + " (a story may not answer the same principle twice)",
                "interview 3, question 1 (FRUGALITY): no story in the bank evidences FRUGALITY",
                "interview 3, question 2 (OWNERSHIP): every story that evidences OWNERSHIP already answers it in this loop"
                        + " (a story may not answer the same principle twice)");
        assertThat(plan.warnings()).singleElement().asString()
                .startsWith("Interview 2, question 2 (OWNERSHIP): no PASS story evidences OWNERSHIP; proposed \"Story b\" (BORDERLINE)");
    }

    @Test
    void givenAFormatOutsideTheLimits_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> new LoopFormat(0, 2, false, List.of()))
                .isInstanceOfSatisfying(LoopRuleViolation.class, e -> assertThat(e.field()).isEqualTo("interviews"));
        assertThatThrownBy(() -> new LoopFormat(2, 9, false, List.of()))
                .isInstanceOfSatisfying(LoopRuleViolation.class, e -> assertThat(e.field()).isEqualTo("questionsPerInterview"));
    }

    // questions: a base question per principle and, for frugality, a second one with L6 and L7 variants

    static Question question(String id, Principle principle, Level level, String variantOf) {
        return new Question(id, principle, level, "Question " + id, List.of("What exactly did you do?", "What did it cost?", "Who disagreed?"),
                variantOf, Provenance.builtIn());
    }

    static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (Principle p : Principle.values()) {
            questions.add(question(p.name() + "-1", p, null, null));
        }
        questions.add(question("FRUGALITY-1-L6", FRUGALITY, Level.L6, "FRUGALITY-1"));
        questions.add(question("FRUGALITY-1-L7", FRUGALITY, Level.L7, "FRUGALITY-1"));
        questions.add(question("FRUGALITY-2", FRUGALITY, null, null));
        return questions;
    }

    static List<String> suggested(LoopPlan plan) {
        return slots(plan).stream().map(PlannedSlot::suggestedQuestionId).toList();
    }

    static List<List<Principle>> principlesByInterview(LoopPlan plan) {
        return plan.interviews().stream().map(i -> i.slots().stream().map(PlannedSlot::principle).toList()).toList();
    }

    @Test
    void givenABankTargetingL7_whenPlanned_thenTheL7VariantIsSuggestedAndEveryOtherSlotGetsAQuestionForAnyLevel() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 2, false, List.of(FRUGALITY, OWNERSHIP, DIVE_DEEP, BACKBONE)), fullBank(), questions(),
                Level.L7);

        assertThat(suggested(plan)).containsExactly("FRUGALITY-1-L7", "OWNERSHIP-1", "DIVE_DEEP-1", "BACKBONE-1");
    }

    @Test
    void givenABankTargetingL6_whenPlanned_thenTheL6VariantIsSuggested() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(1, 1, false, List.of(FRUGALITY)), fullBank(), questions(), Level.L6);

        assertThat(suggested(plan)).containsExactly("FRUGALITY-1-L6");
    }

    @Test
    void givenABankTargetingL5OrNoLevel_whenPlanned_thenNoVariantPitchedAtAnotherLevelIsSuggested() {
        assertThat(suggested(LoopPlanner.plan(new LoopFormat(1, 1, false, List.of(FRUGALITY)), fullBank(), questions(), Level.L5)))
                .containsExactly("FRUGALITY-1");
        assertThat(suggested(LoopPlanner.plan(new LoopFormat(1, 1, false, List.of(FRUGALITY)), fullBank(), questions(), null)))
                .containsExactly("FRUGALITY-1");
    }

    @Test
    void givenABankTargetingL8AndNoL8Variant_whenPlanned_thenTheL7VariantIsSuggested() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(1, 1, false, List.of(FRUGALITY)), fullBank(), questions(), Level.L8);

        assertThat(suggested(plan)).containsExactly("FRUGALITY-1-L7");
    }

    @Test
    void givenAPrincipleAskedTwice_whenPlanned_thenTheSecondSlotGetsAnotherQuestionNotAVariantOfTheFirst() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 1, false, List.of(FRUGALITY, FRUGALITY)), fullBank(), questions(), Level.L7);

        assertThat(suggested(plan)).containsExactly("FRUGALITY-1-L7", "FRUGALITY-2");
    }

    @Test
    void givenAQuestionForEveryPrinciple_whenAFullLoopIsPlanned_thenEverySlotSuggestsOneOfItsPrinciple() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(4, 3, true, List.of()), fullBank(), questions(), null);

        assertThat(slots(plan)).allSatisfy(s -> assertThat(s.suggestedQuestionId()).startsWith(s.principle().name()));
    }

    @Test
    void givenThinlyCoveredPrinciples_whenPlannedWithoutABarRaiser_thenEachInterviewerGetsAtMostOneOfThem() {
        List<StoryCandidate> bank = new ArrayList<>(fullBank());
        bank.removeIf(s -> s.storyId().startsWith("CUSTOMER_OBSESSION") || s.storyId().startsWith("OWNERSHIP"));
        bank.add(story("co-borderline", 60, Verdict.BORDERLINE, Map.of(CUSTOMER_OBSESSION, 0.7)));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(3, 2, false, List.of(CUSTOMER_OBSESSION, OWNERSHIP, DIVE_DEEP, BACKBONE, FRUGALITY,
                EARN_TRUST)), bank);

        // in the format's order the hiring manager would have had both; now they are spread, and the rest keeps its order
        assertThat(principlesByInterview(plan)).containsExactly(List.of(CUSTOMER_OBSESSION, DIVE_DEEP), List.of(OWNERSHIP, BACKBONE),
                List.of(FRUGALITY, EARN_TRUST));
    }

    @Test
    void givenAPrincipleRepeatedNextToItself_whenPlanned_thenNoInterviewerAsksItTwice() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 2, false, List.of(FRUGALITY, FRUGALITY, OWNERSHIP, DIVE_DEEP)), fullBank());

        assertThat(principlesByInterview(plan)).containsExactly(List.of(FRUGALITY, OWNERSHIP), List.of(FRUGALITY, DIVE_DEEP));
    }

    @Test
    void givenABarRaiser_whenPlanned_thenTheLeastCoveredPrinciplesGoToTheBarRaiser() {
        List<StoryCandidate> bank = new ArrayList<>(fullBank());
        bank.removeIf(s -> s.storyId().startsWith("THINK_BIG") || s.storyId().startsWith("CUSTOMER_OBSESSION"));
        bank.add(story("co-borderline", 55, Verdict.BORDERLINE, Map.of(CUSTOMER_OBSESSION, 0.6)));

        LoopPlan plan = LoopPlanner.plan(new LoopFormat(3, 2, true, List.of(THINK_BIG, CUSTOMER_OBSESSION, OWNERSHIP, DIVE_DEEP, FRUGALITY,
                BACKBONE)), bank);

        // THINK_BIG has no story at all, CUSTOMER_OBSESSION only a borderline one: the bar raiser asks both
        assertThat(plan.interviews().get(2).barRaiser()).isTrue();
        assertThat(principlesByInterview(plan).get(2)).containsExactly(THINK_BIG, CUSTOMER_OBSESSION);
        assertThat(principlesByInterview(plan).subList(0, 2)).containsExactly(List.of(OWNERSHIP, DIVE_DEEP), List.of(FRUGALITY, BACKBONE));
        assertThat(plan.unfilledSlots()).singleElement().asString().startsWith("interview 3, question 1 (THINK_BIG)");
    }

    @Test
    void givenFewerDistinctPrinciplesThanTheBarRaiserAsks_whenPlanned_thenEverySlotStillGetsAPrinciple() {
        LoopPlan plan = LoopPlanner.plan(new LoopFormat(2, 2, true, List.of(FRUGALITY)), fullBank(), questions(), null);

        assertThat(principlesByInterview(plan)).containsExactly(List.of(FRUGALITY, FRUGALITY), List.of(FRUGALITY, FRUGALITY));
        assertThat(suggested(plan)).doesNotContainNull();
    }
}
