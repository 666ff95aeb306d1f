package com.storyloop.story.stories.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.storyloop.story.stories.domain.StoryCommand.AttachDeepDive;
import com.storyloop.story.stories.domain.StoryCommand.ClaimPrinciples;
import com.storyloop.story.stories.domain.StoryCommand.DraftStory;
import com.storyloop.story.stories.domain.StoryCommand.DraftingBank;
import com.storyloop.story.stories.domain.StoryCommand.RestoreStory;
import com.storyloop.story.stories.domain.StoryCommand.RetireStory;
import com.storyloop.story.stories.domain.StoryCommand.ReviseStory;
import com.storyloop.story.stories.domain.StoryEvent.DeepDiveAttached;
import com.storyloop.story.stories.domain.StoryEvent.PrinciplesClaimed;
import com.storyloop.story.stories.domain.StoryEvent.StoryDrafted;
import com.storyloop.story.stories.domain.StoryEvent.StoryRestored;
import com.storyloop.story.stories.domain.StoryEvent.StoryRetired;
import com.storyloop.story.stories.domain.StoryEvent.StoryRevised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The story's rules as example cards: given these events, when this command, then these events or this refusal. */
class StoryDeciderTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final DraftingBank BANK = new DraftingBank("bank-1", "org-1", "client-1", 3);
    static final StoryInput CHECKOUT = StoryInput.star("Rolled back a conversion win",
            "Checkout conversion rose 4% after the redesign.", "I owned checkout quality.",
            "I saw support tickets from screen-reader users triple, so I rolled back for them and shipped an accessible fix in a week.",
            "Conversion kept +3.6% and tickets returned to baseline.", List.of("CUSTOMER_OBSESSION", "DIVE_DEEP"));

    static List<StoryEvent> given(StoryEvent... events) {
        return List.of(events);
    }

    static List<StoryEvent> when(List<StoryEvent> history, StoryCommand command) {
        return StoryDecider.decide(command, StoryDecider.fold(history));
    }

    static StoryDrafted drafted() {
        return (StoryDrafted) StoryDecider.decide(new DraftStory("story-1", BANK, CHECKOUT, NOW), Story.NONE).get(0);
    }

    static StoryText text(StoryInput input) {
        return StoryRules.validText(input);
    }

    static StoryInput withTitle(String title) {
        return new StoryInput(title, CHECKOUT.situation(), CHECKOUT.task(), CHECKOUT.action(), CHECKOUT.result(), null, CHECKOUT.principles(), null);
    }

    static List<InputProblem> problemsOf(Runnable decision) {
        try {
            decision.run();
        } catch (InvalidStory invalid) {
            return invalid.problems();
        }
        throw new AssertionError("the command was accepted");
    }

    @Nested
    class Drafting {

        @Test
        void givenAnOpenBank_whenAStarStoryIsDrafted_thenItIsRevisionOneWithTheTextExactlyAsTyped() {
            List<StoryEvent> events = StoryDecider.decide(new DraftStory("story-1", BANK, CHECKOUT, NOW), Story.NONE);

            assertThat(events).containsExactly(new StoryDrafted("story-1", "bank-1", "org-1", "client-1", new StoryText(CHECKOUT.title(),
                    new StoryBody.Star(CHECKOUT.situation(), CHECKOUT.task(), CHECKOUT.action(), CHECKOUT.result()),
                    List.of(Principle.CUSTOMER_OBSESSION, Principle.DIVE_DEEP), null), NOW));
            Story story = StoryDecider.fold(events);
            assertThat(story.revision()).isEqualTo(1);
            assertThat(story.retired()).isFalse();
        }

        @Test
        void givenAnOpenBank_whenAFreeTextStoryIsDrafted_thenItsBodyIsTheText() {
            StoryInput free = StoryInput.freeText("Cut the approval queue", "I replaced a five-step approval with a risk threshold.",
                    List.of("INVENT_AND_SIMPLIFY")).withProjectTag("approvals-2024");

            StoryDrafted drafted = (StoryDrafted) StoryDecider.decide(new DraftStory("story-2", BANK, free, NOW), Story.NONE).get(0);

            assertThat(drafted.text().body()).isEqualTo(new StoryBody.FreeText("I replaced a five-step approval with a risk threshold."));
            assertThat(drafted.text().projectTag()).isEqualTo("approvals-2024");
        }

        @Test
        void givenABankWith200Stories_whenAnotherIsDrafted_thenRefusedNamingTheBank() {
            DraftingBank full = new DraftingBank("bank-1", "org-1", "client-1", StoryRules.MAX_STORIES_PER_BANK);

            assertThatThrownBy(() -> StoryDecider.decide(new DraftStory("story-201", full, CHECKOUT, NOW), Story.NONE))
                    .isInstanceOfSatisfying(StoryRuleViolation.class, e -> assertThat(e.field()).isEqualTo("bankId"))
                    .hasMessageContaining("at most 200 stories");
        }

        @Test
        void givenABankWith199Stories_whenOneMoreIsDrafted_thenItFits() {
            DraftingBank almostFull = new DraftingBank("bank-1", "org-1", "client-1", StoryRules.MAX_STORIES_PER_BANK - 1);

            assertThat(StoryDecider.decide(new DraftStory("story-200", almostFull, CHECKOUT, NOW), Story.NONE)).hasSize(1);
        }

        @Test
        void givenADraftedStory_whenDraftedAgainUnderTheSameId_thenRefused() {
            assertThatThrownBy(() -> when(given(drafted()), new DraftStory("story-1", BANK, CHECKOUT, NOW)))
                    .isInstanceOf(StoryRuleViolation.class).hasMessageContaining("already exists");
        }
    }

    @Nested
    class Limits {

        @Test
        void aTitleOf200CharactersIsFineAnd201AreRefused() {
            assertThat(text(withTitle("t".repeat(200))).title()).hasSize(200);
            assertThat(problemsOf(() -> text(withTitle("t".repeat(201))))).containsExactly(new InputProblem("title", "is 201 characters; at most 200"));
        }

        @Test
        void charactersAreCountedAsCodePointsSoEmojiCountOnce() {
            String twoHundredEmoji = "😀".repeat(200);

            assertThat(text(withTitle(twoHundredEmoji)).title()).isEqualTo(twoHundredEmoji);
        }

        @Test
        void aTitleIsRequiredAndIsOneLine() {
            assertThat(problemsOf(() -> text(withTitle("  ")))).extracting(InputProblem::field).containsExactly("title");
            assertThat(problemsOf(() -> text(withTitle("two\r\nlines")))).containsExactly(new InputProblem("title", "must be a single line"));
        }

        @Test
        void eachSectionHoldsAtMost8000Characters() {
            StoryInput longAction = StoryInput.star("Title", "s", "t", "a".repeat(8_001), "r", List.of());

            assertThat(problemsOf(() -> text(longAction))).containsExactly(new InputProblem("action", "is 8001 characters; at most 8000"));
            assertThat(text(StoryInput.star("Title", "s", "t", "a".repeat(8_000), "r", List.of())).body().length()).isEqualTo(8_003);
        }

        @Test
        void theWholeStoryHoldsAtMost20000Characters() {
            String full = "x".repeat(7_000);
            StoryInput tooLong = StoryInput.star("Title", full, full, full, "r", List.of());

            assertThat(problemsOf(() -> text(tooLong))).containsExactly(
                    new InputProblem("story", "the whole story (all sections together) is 21001 characters; at most 20000"));
            assertThat(problemsOf(() -> text(StoryInput.freeText("Title", "y".repeat(20_001), List.of()))))
                    .containsExactly(new InputProblem("text", "is 20001 characters; at most 20000"));
        }

        @Test
        void atMost16PrinciplesAllOfThemAmongThe16CodesAndNoneTwice() {
            List<String> all = new ArrayList<>(java.util.Arrays.stream(Principle.values()).map(Enum::name).toList());
            assertThat(text(new StoryInput("Title", null, null, null, null, "text", all, null)).principles()).hasSize(16);

            all.add("FRUGALITY");
            assertThat(problemsOf(() -> text(new StoryInput("Title", null, null, null, null, "text", all, null))))
                    .extracting(InputProblem::field).containsExactly("principles", "principles[16]");
        }

        @Test
        void anUnknownPrincipleCodeIsRefusedNamingItsPosition() {
            StoryInput input = StoryInput.freeText("Title", "text", List.of("OWNERSHIP", "BE_NICE", "customer_obsession"));

            List<InputProblem> problems = problemsOf(() -> text(input));

            assertThat(problems).extracting(InputProblem::field).containsExactly("principles[1]", "principles[2]");
            assertThat(problems.get(0).message()).startsWith("\"BE_NICE\" is not a Leadership Principle code");
        }

        @Test
        void aStoryIsEitherStarOrFreeTextAndHasWords() {
            StoryInput both = new StoryInput("Title", "s", null, null, null, "text", List.of(), null);
            StoryInput neither = new StoryInput("Title", null, null, null, null, null, List.of(), null);
            StoryInput blank = StoryInput.star("Title", " ", "", null, "\n", List.of());

            assertThat(problemsOf(() -> text(both))).extracting(InputProblem::field).containsExactly("text");
            assertThat(problemsOf(() -> text(neither))).extracting(InputProblem::field).containsExactly("text");
            assertThat(problemsOf(() -> text(blank))).extracting(InputProblem::field).containsExactly("situation");
        }

        @Test
        void textThatCannotBeStoredExactlyIsRefused() {
            assertThat(problemsOf(() -> text(StoryInput.freeText("Title", "nul \u0000 inside", List.of()))))
                    .containsExactly(new InputProblem("text", "contains a NUL character (U+0000)"));
            assertThat(problemsOf(() -> text(StoryInput.freeText("Title", "half an emoji \uD83D", List.of()))))
                    .containsExactly(new InputProblem("text", "contains an unpaired surrogate: not valid Unicode text"));
        }

        @Test
        void everyProblemIsListedAtOnce() {
            StoryInput wrong = new StoryInput("", "s".repeat(8_001), null, null, null, null, List.of("NOPE"), "p".repeat(101));

            assertThat(problemsOf(() -> text(wrong))).extracting(InputProblem::field)
                    .containsExactly("title", "situation", "principles[0]", "projectTag");
        }
    }

    @Nested
    class Revising {

        @Test
        void givenADraft_whenRevised_thenRevisionTwoCarriesTheWholeNewTextAndTheNote() {
            StoryInput better = withTitle("Rolled back a conversion win for screen-reader users");

            List<StoryEvent> events = when(given(drafted()), new ReviseStory(better, "title names the customers", NOW));

            assertThat(events).containsExactly(new StoryRevised("story-1", 2, text(better), "title names the customers", NOW));
            assertThat(StoryDecider.fold(List.of(drafted(), events.get(0))).revision()).isEqualTo(2);
        }

        @Test
        void givenRevisionThree_whenRevised_thenTheNewRevisionIsFour() {
            List<StoryEvent> history = given(drafted(), new StoryRevised("story-1", 2, text(withTitle("Two")), null, NOW),
                    new StoryRevised("story-1", 3, text(withTitle("Three")), null, NOW));

            StoryRevised revised = (StoryRevised) when(history, new ReviseStory(withTitle("Four"), null, NOW)).get(0);

            assertThat(revised.revision()).isEqualTo(4);
        }

        @Test
        void givenADraft_whenRevisedWithTheIdenticalText_thenRefusedAsANoOp() {
            assertThatThrownBy(() -> when(given(drafted()), new ReviseStory(CHECKOUT, "no change really", NOW)))
                    .isInstanceOfSatisfying(StoryRuleViolation.class, e -> assertThat(e.field()).isEqualTo("revision"))
                    .hasMessageContaining("identical to revision 1");
        }

        @Test
        void aDifferenceOfOneLineEndingIsARealRevision() {
            StoryInput crlf = StoryInput.star(CHECKOUT.title(), CHECKOUT.situation() + "\r\n", CHECKOUT.task(), CHECKOUT.action(),
                    CHECKOUT.result(), CHECKOUT.principles());

            assertThat(when(given(drafted()), new ReviseStory(crlf, null, NOW))).hasSize(1);
        }

        @Test
        void givenARetiredStory_whenRevised_thenRefused() {
            assertThatThrownBy(() -> when(given(drafted(), new StoryRetired("story-1", "too similar", NOW)),
                    new ReviseStory(withTitle("New title"), null, NOW)))
                    .isInstanceOfSatisfying(StoryRuleViolation.class, e -> assertThat(e.field()).isEqualTo("storyId"))
                    .hasMessageContaining("retired and cannot be revised");
        }

        @Test
        void givenARestoredStory_whenRevised_thenAccepted() {
            List<StoryEvent> history = given(drafted(), new StoryRetired("story-1", null, NOW), new StoryRestored("story-1", NOW));

            assertThat(when(history, new ReviseStory(withTitle("Back in use"), null, NOW))).hasSize(1);
        }

        @Test
        void givenNoStory_whenRevised_thenRefused() {
            assertThatThrownBy(() -> when(given(), new ReviseStory(CHECKOUT, null, NOW))).isInstanceOf(StoryRuleViolation.class);
        }

        @Test
        void aRevisionObeysTheSameLimitsAsADraftAndTheNoteIsBounded() {
            assertThat(problemsOf(() -> when(given(drafted()), new ReviseStory(withTitle("x".repeat(201)), null, NOW))))
                    .extracting(InputProblem::field).containsExactly("title");
            assertThat(problemsOf(() -> when(given(drafted()), new ReviseStory(withTitle("Other"), "n".repeat(2_001), NOW))))
                    .extracting(InputProblem::field).containsExactly("note");
        }
    }

    @Nested
    class ClaimingPrinciples {

        @Test
        void givenADraft_whenPrinciplesAreClaimed_thenTheSetIsReplacedForTheCurrentRevision() {
            List<StoryEvent> events = when(given(drafted()), new ClaimPrinciples(List.of("OWNERSHIP"), NOW));

            assertThat(events).containsExactly(new PrinciplesClaimed("story-1", 1, List.of(Principle.OWNERSHIP), NOW));
            assertThat(StoryDecider.fold(List.of(drafted(), events.get(0))).text().principles()).containsExactly(Principle.OWNERSHIP);
        }

        @Test
        void givenADraft_whenTheSameSetIsClaimed_thenRefusedAsANoOp() {
            assertThatThrownBy(() -> when(given(drafted()), new ClaimPrinciples(List.of("CUSTOMER_OBSESSION", "DIVE_DEEP"), NOW)))
                    .isInstanceOfSatisfying(StoryRuleViolation.class, e -> assertThat(e.field()).isEqualTo("principles"));
        }

        @Test
        void anUnknownCodeInAClaimIsRefused() {
            assertThat(problemsOf(() -> when(given(drafted()), new ClaimPrinciples(List.of("OWNERSHIP", "GRIT"), NOW))))
                    .extracting(InputProblem::field).containsExactly("principles[1]");
        }

        @Test
        void givenARetiredStory_whenPrinciplesAreClaimed_thenRefused() {
            assertThatThrownBy(() -> when(given(drafted(), new StoryRetired("story-1", null, NOW)), new ClaimPrinciples(List.of(), NOW)))
                    .isInstanceOf(StoryRuleViolation.class).hasMessageContaining("retired");
        }
    }

    @Nested
    class DeepDive {

        static final List<DeepDiveSection> APPENDIX = List.of(new DeepDiveSection("Exact metrics", "Tickets: 120/week -> 38/week"),
                new DeepDiveSection("Raw data", "A/B test, 2 weeks, 1.2M sessions"));

        @Test
        void givenADraft_whenADeepDiveIsAttached_thenTheAppendixIsStored() {
            List<StoryEvent> events = when(given(drafted()), new AttachDeepDive(APPENDIX, NOW));

            assertThat(events).containsExactly(new DeepDiveAttached("story-1", APPENDIX, NOW));
            assertThat(StoryDecider.fold(List.of(drafted(), events.get(0))).deepDive()).isEqualTo(APPENDIX);
        }

        @Test
        void givenAnAppendix_whenTheSameIsAttached_thenRefusedAndAnEmptyOneRemovesIt() {
            List<StoryEvent> history = given(drafted(), new DeepDiveAttached("story-1", APPENDIX, NOW));

            assertThatThrownBy(() -> when(history, new AttachDeepDive(APPENDIX, NOW))).isInstanceOf(StoryRuleViolation.class);
            assertThat(when(history, new AttachDeepDive(List.of(), NOW))).containsExactly(new DeepDiveAttached("story-1", List.of(), NOW));
        }

        @Test
        void sectionsNeedAHeadingAndRespectTheSectionLimit() {
            List<DeepDiveSection> wrong = List.of(new DeepDiveSection("", "text"), new DeepDiveSection("Data", "d".repeat(8_001)));

            assertThat(problemsOf(() -> when(given(drafted()), new AttachDeepDive(wrong, NOW)))).extracting(InputProblem::field)
                    .containsExactly("sections[0].heading", "sections[1].text");
        }
    }

    @Nested
    class RetiringAndRestoring {

        @Test
        void givenAnActiveStory_whenRetired_thenItIsRetiredWithTheReason() {
            List<StoryEvent> events = when(given(drafted()), new RetireStory("same project as story 2", NOW));

            assertThat(events).containsExactly(new StoryRetired("story-1", "same project as story 2", NOW));
            assertThat(StoryDecider.fold(List.of(drafted(), events.get(0))).retired()).isTrue();
        }

        @Test
        void givenARetiredStory_whenRetiredAgain_thenRefused() {
            assertThatThrownBy(() -> when(given(drafted(), new StoryRetired("story-1", null, NOW)), new RetireStory(null, NOW)))
                    .isInstanceOf(StoryRuleViolation.class).hasMessageContaining("already retired");
        }

        @Test
        void givenARetiredStory_whenRestored_thenActiveAgain() {
            List<StoryEvent> events = when(given(drafted(), new StoryRetired("story-1", null, NOW)), new RestoreStory(NOW));

            assertThat(events).containsExactly(new StoryRestored("story-1", NOW));
        }

        @Test
        void givenAnActiveStory_whenRestored_thenRefused() {
            assertThatThrownBy(() -> when(given(drafted()), new RestoreStory(NOW))).isInstanceOf(StoryRuleViolation.class)
                    .hasMessageContaining("not retired");
        }
    }
}
