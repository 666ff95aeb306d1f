package com.storyloop.rubric.scorecard;

/**
 * The verdict and the rule that decided it.
 *
 * @param rule        id of the deciding rule: SCORE, or the id of a cap from the definition
 * @param byScore     what the overall score alone would have given
 */
public record VerdictDecision(Verdict verdict, String rule, String explanation, Verdict byScore) {
}
