package com.storyloop.console.practice.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordingTest {

    @Test
    void givenPrincipleCodes_whenNamed_thenTheirTitlesAndUnknownCodesAsWords() {
        assertThat(Wording.principle("CUSTOMER_OBSESSION")).isEqualTo("Customer Obsession");
        assertThat(Wording.principle("BACKBONE")).isEqualTo("Have Backbone; Disagree and Commit");
        assertThat(Wording.principle("A_NEW_PRINCIPLE")).isEqualTo("A new principle");
        assertThat(Wording.principle(null)).isEmpty();
    }

    @Test
    void givenSeconds_whenShownAsAClock_thenMinutesAndTwoDigitSeconds() {
        assertThat(Wording.clock(0)).isEqualTo("0:00");
        assertThat(Wording.clock(65)).isEqualTo("1:05");
        assertThat(Wording.clock(240)).isEqualTo("4:00");
        assertThat(Wording.clock(null)).isEmpty();
    }

    @Test
    void givenTheServicesTimingBands_whenWorded_thenEachStatesItsLimitsAndWhetherItIsFlagged() {
        assertThat(Wording.timing("TOO_SHORT")).isEqualTo("Too short: under 90 s (flagged)");
        assertThat(Wording.timing("SHORT")).isEqualTo("Short: 90-119 s, under the 120-180 s target");
        assertThat(Wording.timing("ON_TARGET")).isEqualTo("On target: 120-180 s");
        assertThat(Wording.timing("LONG")).isEqualTo("Long: 181-240 s, over the 120-180 s target");
        assertThat(Wording.timing("TOO_LONG")).isEqualTo("Too long: over 240 s (flagged)");
        assertThat(Wording.timingHint()).contains("120-180 s").contains("under 90 s").contains("over 240 s");
    }

    @Test
    void givenARefusalNamingAStoryIdAPrincipleCodeAndZeroBasedSlots_whenMadePlain_thenTitlesNamesAndPageNumbers() {
        String message = "Story " + Fixtures.ROLLBACK + " already answered CUSTOMER_OBSESSION in this loop (interview 0, slot 1); "
                + "the same story may not answer the same principle twice";

        String plain = Wording.plain(message, Fixtures.bank());

        assertThat(plain).isEqualTo("The story \"Rolled back a conversion win\" already answered Customer Obsession in this loop "
                + "(interview 1, question 2); the same story may not answer the same principle twice");
    }

    @Test
    void givenARefusalNamingARating_whenMadePlain_thenTheRatingInWords() {
        assertThat(Wording.plain("The answer of interview 0, slot 0 is already rated STRONGLY_NOT_INCLINED", Fixtures.bank()))
                .isEqualTo("The answer of interview 1, question 1 is already rated strongly not inclined");
        assertThat(Wording.plain("Interview 2, slot 0 was already asked", StoryChoices.none())).isEqualTo("Interview 3, question 1 was already asked");
    }

    @Test
    void givenRatingCodes_whenOffered_thenWeakestFirstInWords() {
        assertThat(Wording.ratingChoices()).containsExactly(
                java.util.Map.entry("STRONGLY_NOT_INCLINED", "Strongly not inclined"), java.util.Map.entry("NOT_INCLINED", "Not inclined"),
                java.util.Map.entry("INCLINED", "Inclined"), java.util.Map.entry("STRONGLY_INCLINED", "Strongly inclined"));
    }

    @Test
    void givenCounts_whenWorded_thenSingularForOne() {
        assertThat(Wording.count(1, "question", "questions")).isEqualTo("1 question");
        assertThat(Wording.count(0, "question", "questions")).isEqualTo("0 questions");
    }
}
