package com.storyloop.practice.loops.domain;

/** How a loop is run: interviewers ask and rate, or the client practises alone (no ratings). */
public enum LoopMode {
    INTERVIEWED, SELF_PRACTICE
}
