package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.storyloop.console.practice.application.LoopRun.SlotState;
import com.storyloop.console.practice.application.QuestionChoices.QuestionChoice;

import static com.storyloop.console.practice.application.Fixtures.APPROVAL;
import static com.storyloop.console.practice.application.Fixtures.ROLLBACK;
import static com.storyloop.console.practice.application.Fixtures.interview;
import static com.storyloop.console.practice.application.Fixtures.map;
import static com.storyloop.console.practice.application.Fixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

class LoopRunTest {

    static final List<String> ASKED_FOR = new ArrayList<>();

    static final Function<String, List<QuestionChoice>> BANK = principle -> {
        ASKED_FOR.add(principle);
        return List.of(new QuestionChoice("co-01", "Tell me about protecting customers.", List.of("What data told you?", "Who disagreed?"), "built-in, any level"),
                new QuestionChoice("co-02", "Another one.", List.of("Why?"), "built-in, any level"));
    };

    static Map<String, Object> loop(String mode, boolean completed, List<Map<String, Object>> questions) {
        return map("loopId", "loop-1", "clientId", "ada-lovelace", "mode", mode, "version", 4, "completed", completed,
                "interviews", List.of(
                        interview(0, "Hiring manager", false, List.of(slot(0, "CUSTOMER_OBSESSION", ROLLBACK, null, "co-01"),
                                slot(1, "OWNERSHIP", APPROVAL, null, null))),
                        interview(1, "Bar raiser", true, List.of(slot(0, "HIRE_AND_DEVELOP", null, "no story in the bank evidences HIRE_AND_DEVELOP", null)))),
                "warnings", List.of("Story " + ROLLBACK + " would answer 3 questions"), "unfilledSlots", List.of(),
                "suggestedQuestions", Map.of("co-01", Map.of("questionId", "co-01", "text", "Tell me about protecting customers.",
                        "probes", List.of("What data told you?", "Who disagreed?"))),
                "questions", questions);
    }

    static Map<String, Object> asked(int interview, int slot, String principle) {
        return map("interviewIndex", interview, "slotIndex", slot, "questionId", "co-01", "principle", principle, "text", "Tell me about protecting customers.",
                "answer", null, "timing", null, "timingFlagged", false, "probes", List.of(), "rating", null, "interviewerId", null, "notes", null);
    }

    static Map<String, Object> answered(int interview, int slot, String principle, String storyId, int seconds, String timing, boolean flagged) {
        Map<String, Object> q = asked(interview, slot, principle);
        q.put("answer", map("storyId", storyId, "storyRevision", 3, "durationSeconds", seconds, "transcript", null, "flags", List.of("NO_CONFLICT")));
        q.put("timing", timing);
        q.put("timingFlagged", flagged);
        return q;
    }

    static Map<String, Object> rated(int interview, int slot, String principle, String storyId, String rating) {
        Map<String, Object> q = answered(interview, slot, principle, storyId, 150, "ON_TARGET", false);
        q.put("rating", rating);
        q.put("interviewerId", "grace");
        q.put("probes", List.of(map("text", "What data told you?", "response", null, "handledWell", false)));
        return q;
    }

    @Test
    void givenANewLoop_whenBuilt_thenEverySlotIsNotAskedAndTheFirstIsCurrentWithTheBankQuestions() {
        LoopRun.LoopPage page = LoopRun.from(loop("INTERVIEWED", false, List.of()), Fixtures.bank(), BANK, Map.of());

        assertThat(page.slotCount()).isEqualTo(3);
        assertThat(page.currentKey()).isEqualTo("0-0");
        LoopRun.SlotRun first = page.slot("0-0");
        assertThat(first.state()).isEqualTo(SlotState.NOT_ASKED);
        assertThat(first.principleTitle()).isEqualTo("Customer Obsession");
        assertThat(first.proposedStoryTitle()).isEqualTo("Rolled back a conversion win");
        assertThat(first.questionChoices()).extracting(QuestionChoice::questionId).containsExactly("co-01", "co-02");
        assertThat(page.slot("0-1").questionChoices()).as("only the current slot offers the picker").isEmpty();
        assertThat(page.slot("1-0").gap()).isEqualTo("no story in the bank evidences Hire and Develop the Best");
        assertThat(page.warnings()).containsExactly("The story \"Rolled back a conversion win\" would answer 3 questions");
        assertThat(page.progressText()).isEqualTo("0 of 3 questions done (answered and rated).");
    }

    @Test
    void givenAnInterviewedLoop_whenASlotIsAnsweredButNotRated_thenItStaysCurrentAndOffersTheProbesNotYetAsked() {
        Map<String, Object> q = answered(0, 0, "CUSTOMER_OBSESSION", ROLLBACK, 80, "TOO_SHORT", true);
        q.put("probes", List.of(map("text", "Who disagreed?", "response", "the CFO", "handledWell", true)));

        LoopRun.LoopPage page = LoopRun.from(loop("INTERVIEWED", false, List.of(q)), Fixtures.bank(), BANK,
                Map.of("0-0", new LoopRun.Measures(140, 3, "1.0")));

        LoopRun.SlotRun slot = page.slot("0-0");
        assertThat(slot.state()).isEqualTo(SlotState.ANSWERED);
        assertThat(slot.current()).isTrue();
        assertThat(slot.probesToOffer()).containsExactly("What data told you?");
        assertThat(slot.probes()).extracting(LoopRun.ProbeView::outcome).containsExactly("handled well");
        assertThat(slot.answer().storyTitle()).isEqualTo("Rolled back a conversion win");
        assertThat(slot.answer().durationText()).isEqualTo("1:20 (80 s)");
        assertThat(slot.answer().timingText()).isEqualTo("Too short: under 90 s (flagged)");
        assertThat(slot.answer().timingFlagged()).isTrue();
        assertThat(slot.answer().flags()).containsExactly("No conflict");
        assertThat(slot.answer().measures().wordsPerMinute()).isEqualTo(140);
        assertThat(slot.fieldsShown(false, false)).isEqualTo(Set.of("text", "rating"));
    }

    @Test
    void givenASelfPracticeLoop_whenASlotIsAnswered_thenItIsDoneAndTheNextSlotIsCurrent() {
        LoopRun.LoopPage page = LoopRun.from(loop("SELF_PRACTICE", false, List.of(answered(0, 0, "CUSTOMER_OBSESSION", ROLLBACK, 150, "ON_TARGET", false))),
                Fixtures.bank(), BANK, Map.of());

        assertThat(page.selfPractice()).isTrue();
        assertThat(page.slot("0-0").done()).isTrue();
        assertThat(page.slot("0-0").probesToOffer()).as("probes can still be recorded").containsExactly("What data told you?", "Who disagreed?");
        assertThat(page.slot("0-0").fieldsShown(true, false)).isEqualTo(Set.of("text"));
        assertThat(page.currentKey()).isEqualTo("0-1");
        assertThat(page.progressText()).isEqualTo("1 of 3 questions done (answered).");
    }

    @Test
    void givenARatedSlotAndAnAskedOne_whenBuilt_thenTheAskedOneIsCurrentAndShowsTheAnswerFields() {
        LoopRun.LoopPage page = LoopRun.from(loop("INTERVIEWED", false, List.of(rated(0, 0, "CUSTOMER_OBSESSION", ROLLBACK, "INCLINED"),
                asked(0, 1, "OWNERSHIP"))), Fixtures.bank(), BANK, Map.of());

        assertThat(page.slot("0-0").state()).isEqualTo(SlotState.RATED);
        assertThat(page.slot("0-0").ratingText()).isEqualTo("Inclined");
        assertThat(page.slot("0-0").probesToOffer()).isEmpty();
        assertThat(page.currentSlot().key()).isEqualTo("0-1");
        assertThat(page.currentSlot().state()).isEqualTo(SlotState.ASKED);
        assertThat(page.currentSlot().fieldsShown(false, false)).isEqualTo(Set.of("storyId", "durationSeconds", "transcript"));
    }

    @Test
    void givenACompletedLoop_whenBuilt_thenNoSlotIsCurrentAndNothingAsksTheBank() {
        ASKED_FOR.clear();

        LoopRun.LoopPage page = LoopRun.from(loop("INTERVIEWED", true, List.of(answered(0, 0, "CUSTOMER_OBSESSION", ROLLBACK, 150, "ON_TARGET", false))),
                Fixtures.bank(), BANK, Map.of());

        assertThat(page.currentKey()).isNull();
        assertThat(page.completed()).isTrue();
        assertThat(ASKED_FOR).isEmpty();
        assertThat(page.slot("0-0").fieldsShown(false, true)).isEmpty();
    }
}
