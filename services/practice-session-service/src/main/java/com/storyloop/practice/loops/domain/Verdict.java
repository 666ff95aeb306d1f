package com.storyloop.practice.loops.domain;

/** The latest rubric verdict of a story: whether it would survive a debrief. */
public enum Verdict {
    PASS, BORDERLINE, FAIL
}
