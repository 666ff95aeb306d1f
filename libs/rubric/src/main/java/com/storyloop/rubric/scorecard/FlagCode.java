package com.storyloop.rubric.scorecard;

/** Flag codes of rubric.md. Severity comes from the rubric definition (data). */
public enum FlagCode {
    NO_CONFLICT,
    VILLAIN,
    SAFEGUARD_BYPASS,
    CUSTOMER_HARM_DISMISSED,
    ROYAL_WE,
    HERO_NARRATIVE,
    METRIC_WITHOUT_MECHANISM,
    PERFECT_PATH,
    OVER_ENGINEERING,
    NO_MEASURABLE_RESULT,
    ACTION_RESULT_UNDER_60,
    TOO_SHORT,
    TOO_LONG
}
