package com.storyloop.console.practice.application;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.storyloop.console.practice.application.Fixtures.APPROVAL;
import static com.storyloop.console.practice.application.Fixtures.ROLLBACK;
import static com.storyloop.console.practice.application.Fixtures.interview;
import static com.storyloop.console.practice.application.Fixtures.map;
import static com.storyloop.console.practice.application.Fixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

class PlanCardsTest {

    static Map<String, Object> plan() {
        return map(
                "interviews", List.of(
                        interview(0, "Hiring manager", false, List.of(
                                slot(0, "CUSTOMER_OBSESSION", ROLLBACK, null, "co-01"),
                                slot(1, "OWNERSHIP", APPROVAL, null, null))),
                        interview(1, "Bar raiser", true, List.of(
                                slot(0, "HIRE_AND_DEVELOP", null, "no story in the bank evidences HIRE_AND_DEVELOP", "hd-01"),
                                slot(1, "DIVE_DEEP", ROLLBACK, null, null)))),
                "warnings", List.of(
                        "Interview 1, question 1 (CUSTOMER_OBSESSION): no PASS story evidences CUSTOMER_OBSESSION; proposed \"Rolled back\" (BORDERLINE)",
                        "\"Rolled back a conversion win\" would answer 3 questions (more than 2): leaning on one story",
                        "Interview 9, question 9 (THINK_BIG): a slot the plan does not have"),
                "unfilledSlots", List.of("interview 2, question 1 (HIRE_AND_DEVELOP): no story in the bank evidences HIRE_AND_DEVELOP"),
                "suggestedQuestions", Map.of("co-01", Map.of("questionId", "co-01", "text", "Tell me about protecting customers.")));
    }

    @Test
    void givenAPlan_whenTurnedIntoCards_thenEachInterviewListsItsPrinciplesWithStoryTitlesAndSuggestedQuestions() {
        PlanCards.PlanView view = PlanCards.from(plan(), Fixtures.bank());

        assertThat(view.interviews()).extracting(PlanCards.InterviewCard::role).containsExactly("Hiring manager", "Bar raiser");
        assertThat(view.interviews().get(1).barRaiser()).isTrue();
        PlanCards.SlotCard first = view.interviews().get(0).slots().get(0);
        assertThat(first.key()).isEqualTo("0-0");
        assertThat(first.principleTitle()).isEqualTo("Customer Obsession");
        assertThat(first.storyTitle()).isEqualTo("Rolled back a conversion win");
        assertThat(first.questionText()).isEqualTo("Tell me about protecting customers.");
        assertThat(view.interviews().get(0).slots().get(1).questionText()).isNull();
    }

    @Test
    void givenWarningsNamingASlot_whenTurnedIntoCards_thenTheyAreShownOnThatSlotInPlainWords() {
        PlanCards.PlanView view = PlanCards.from(plan(), Fixtures.bank());

        assertThat(view.interviews().get(0).slots().get(0).warnings())
                .containsExactly("no PASS story evidences Customer Obsession; proposed \"Rolled back\" (BORDERLINE)");
        assertThat(view.interviews().get(0).slots().get(1).warnings()).isEmpty();
        assertThat(view.warningCount()).isEqualTo(3);
    }

    @Test
    void givenWarningsAboutTheWholeLoopOrAnUnknownSlot_whenTurnedIntoCards_thenNoneIsLostAndTheyStayLoopWide() {
        PlanCards.PlanView view = PlanCards.from(plan(), Fixtures.bank());

        assertThat(view.loopWarnings()).containsExactly(
                "\"Rolled back a conversion win\" would answer 3 questions (more than 2): leaning on one story",
                "Interview 9, question 9 (Think Big): a slot the plan does not have");
    }

    @Test
    void givenASlotWithoutAStory_whenTurnedIntoCards_thenItIsAGapWithTheReason() {
        PlanCards.PlanView view = PlanCards.from(plan(), Fixtures.bank());

        PlanCards.SlotCard gap = view.interviews().get(1).slots().get(0);
        assertThat(gap.filled()).isFalse();
        assertThat(gap.storyTitle()).isNull();
        assertThat(gap.gap()).isEqualTo("no story in the bank evidences Hire and Develop the Best");
        assertThat(view.gapCount()).isEqualTo(1);
        assertThat(view.fillable()).isFalse();
        assertThat(view.totalsText()).isEqualTo("2 interviews; 3 warnings; 1 question without a story.");
    }

    @Test
    void givenAStoryNoLongerInTheBank_whenTurnedIntoCards_thenItIsNamedByItsId() {
        Map<String, Object> plan = map("interviews", List.of(interview(0, "Peer", false, List.of(slot(0, "OWNERSHIP", "gone-1", null, null)))),
                "warnings", List.of());

        PlanCards.PlanView view = PlanCards.from(plan, Fixtures.bank());

        assertThat(view.interviews().get(0).slots().get(0).storyTitle()).isEqualTo("Story gone-1");
        assertThat(view.loopWarnings()).isEmpty();
    }
}
