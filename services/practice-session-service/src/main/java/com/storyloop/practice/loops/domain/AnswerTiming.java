package com.storyloop.practice.loops.domain;

/** How long an answer took against the 2-3 minute target: 120-180 s is the target, under 90 or over 240 s is flagged. */
public enum AnswerTiming {
    TOO_SHORT, SHORT, ON_TARGET, LONG, TOO_LONG;

    public static final int FLAG_BELOW = 90;
    public static final int TARGET_FROM = 120;
    public static final int TARGET_TO = 180;
    public static final int FLAG_ABOVE = 240;

    public static AnswerTiming of(int seconds) {
        if (seconds < FLAG_BELOW) {
            return TOO_SHORT;
        }
        if (seconds < TARGET_FROM) {
            return SHORT;
        }
        if (seconds <= TARGET_TO) {
            return ON_TARGET;
        }
        if (seconds <= FLAG_ABOVE) {
            return LONG;
        }
        return TOO_LONG;
    }

    public boolean flagged() {
        return this == TOO_SHORT || this == TOO_LONG;
    }
}
