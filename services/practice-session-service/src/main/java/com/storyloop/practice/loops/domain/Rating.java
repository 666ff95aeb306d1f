package com.storyloop.practice.loops.domain;

/** An interviewer's 4-point rating of an answer (rubric.md, practice loop rules). */
public enum Rating {
    STRONGLY_NOT_INCLINED, NOT_INCLINED, INCLINED, STRONGLY_INCLINED
}
