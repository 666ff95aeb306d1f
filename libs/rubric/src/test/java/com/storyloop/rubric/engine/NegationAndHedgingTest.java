package com.storyloop.rubric.engine;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Scorecard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Negated, hedged or reported cues do not raise flags. */
class NegationAndHedgingTest {

    private final RubricEngine engine = RubricEngine.standard();

    private Scorecard with(String sentence) {
        return engine.score(StoryInput.text(Stories.withAction(sentence)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I did not skip the security review.",
            "I didn’t skip the security review, even though the date was tight.",
            "We moved faster without cutting the security review itself.",
            "Instead of skipping the penetration test, I paid for a second testing firm.",
            "The VP asked me to bypass the external safety testing, and I refused.",
            "An engineer suggested we could ship in a week if we skipped the privacy review.",
            "Skipping the legal review was never an option.",
            "I never overrode the compliance check.",
            "Nobody skipped the security review."
    })
    void safeguardRespectedIsNotABypass(String sentence) {
        assertThat(with(sentence).hasFlag(FlagCode.SAFEGUARD_BYPASS)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Nobody worked weekends on this project.",
            "I did not force the team to commit to the date.",
            "Nobody on the team worked a weekend, and I never pulled an all-nighter.",
            "I identified the blockage and facilitated a working session instead of deciding it on my own."
    })
    void heroWordsNegatedAreNotAHero(String sentence) {
        assertThat(with(sentence).hasFlag(FlagCode.HERO_NARRATIVE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "In leadership meetings people described the team as lazy, but I never thought they were lazy; they were overloaded.",
            "They were not incompetent at all; the tools were slow."
    })
    void contemptRejectedIsNotAVillain(String sentence) {
        assertThat(with(sentence).hasFlag(FlagCode.VILLAIN)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Several colleagues called the lost bookings an acceptable trade-off; I did not agree and rolled the change back.",
            "My VP's view was that a few extra complaints were a fair price, and I disagreed.",
            "Fining patients for our own change was not acceptable to me."
    })
    void harmDismissedByOthersIsNotTheCandidatesDismissal(String sentence) {
        assertThat(with(sentence).hasFlag(FlagCode.CUSTOMER_HARM_DISMISSED)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "It did not work on the first try.",
            "It did not go smoothly."
    })
    void negatedPerfectionIsNotAPerfectPath(String sentence) {
        assertThat(with(sentence).hasFlag(FlagCode.PERFECT_PATH)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Our architects proposed a rebuild with microservices and a caching layer; rather than a microservices rebuild, I moved two scripts.",
    })
    void rejectedArchitectureIsNotOverEngineering(String sentence) {
        assertThat(with(sentence).hasFlag(FlagCode.OVER_ENGINEERING)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I decided", "I proposed", "I recommended", "I chose"})
    void weIsFineWhenTheCandidatesDecisionIsExplicit(String decision) {
        String text = Stories.PASSING.substring(0, Stories.PASSING.indexOf("## Action")) + """
                ## Action
                We looked at the booking data and we saw that older patients missed most appointments. We debated raising the fee with the operations director, who disagreed with us. %s to test text reminders in half of the clinics, and we restarted the test after a bug sent texts at midnight.

                ## Result
                Missed appointments fell from 11%% to 6%%, and fee complaints dropped by 64%%.
                """.formatted(decision);
        assertThat(engine.score(StoryInput.text(text)).hasFlag(FlagCode.ROYAL_WE)).isFalse();
    }
}
