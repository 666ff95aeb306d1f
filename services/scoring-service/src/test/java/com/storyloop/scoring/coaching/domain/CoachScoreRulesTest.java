package com.storyloop.scoring.coaching.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** Coach score validation as example cards: given this input, then this score or these problems, each naming its field. */
class CoachScoreRulesTest {

    static Map<String, Integer> dims(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    static List<InputProblem> problemsOf(CoachScoreInput input) {
        try {
            CoachScoreRules.validate(input);
        } catch (InvalidCoachScore invalid) {
            return invalid.problems();
        }
        throw new AssertionError("the score was accepted");
    }

    @Test
    void givenAPartialScoreWithFlags_whenValidated_thenItKeepsExactlyWhatTheCoachScored() {
        CoachScore score = CoachScoreRules.validate(new CoachScoreInput("coach-ada", dims("FRICTION", 4, "result", 0, "STRUCTURE", 5), "borderline",
                List.of("NO_MEASURABLE_RESULT", "royal_we"), "  Good friction, no numbers.  "));

        assertThat(score.coachId()).isEqualTo("coach-ada");
        assertThat(score.dimensions()).containsExactly(Map.entry(Dimension.FRICTION, 4), Map.entry(Dimension.RESULT, 0),
                Map.entry(Dimension.STRUCTURE, 5));
        assertThat(score.verdict()).isEqualTo(Verdict.BORDERLINE);
        assertThat(score.flags()).containsExactly(FlagCode.NO_MEASURABLE_RESULT, FlagCode.ROYAL_WE);
        assertThat(score.comment()).isEqualTo("  Good friction, no numbers.  ");
    }

    @Test
    void givenScoresOutsideZeroToFiveOrNotWhole_whenValidated_thenEachDimensionIsNamed() {
        List<InputProblem> problems = problemsOf(new CoachScoreInput("coach-ada", dims("FRICTION", 6, "AGENCY", -1, "ARC", null, "CHARM", 3),
                "PASS", List.of(), null));

        assertThat(problems).extracting(InputProblem::field)
                .containsExactly("dimensions.FRICTION", "dimensions.AGENCY", "dimensions.ARC", "dimensions.CHARM");
        assertThat(problems.get(0).message()).contains("0 to 5");
        assertThat(problems.get(3).message()).contains("not a rubric dimension");
    }

    @Test
    void givenNothingButAComment_whenValidated_thenCoachDimensionsAndVerdictAreAllNamed() {
        assertThat(problemsOf(new CoachScoreInput(null, Map.of(), null, null, "hm"))).extracting(InputProblem::field)
                .containsExactly("coachId", "dimensions", "verdict");
    }

    @Test
    void givenAnUnknownVerdictAndUnknownOrRepeatedFlags_whenValidated_thenEachIsNamedByPosition() {
        List<InputProblem> problems = problemsOf(new CoachScoreInput("coach-ada", dims("ARC", 2), "MAYBE",
                Arrays.asList("VILLAIN", "DRAMA", "villain", null), null));

        assertThat(problems).extracting(InputProblem::field).containsExactly("verdict", "flags[1]", "flags[2]", "flags[3]");
        assertThat(problems.get(2).message()).contains("listed twice");
    }

    @Test
    void givenAnOverlongCommentOrACoachIdWithSpaces_whenValidated_thenRefused() {
        assertThat(problemsOf(new CoachScoreInput("coach ada", dims("ARC", 2), "FAIL", List.of(), "x".repeat(4_001))))
                .extracting(InputProblem::field).containsExactly("coachId", "comment");
    }

    @Test
    void givenABlankComment_whenValidated_thenThereIsNoComment() {
        assertThat(CoachScoreRules.validate(new CoachScoreInput("c", dims("ARC", 2), "FAIL", null, "   ")).comment()).isNull();
    }
}
