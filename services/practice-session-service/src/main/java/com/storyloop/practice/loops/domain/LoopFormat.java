package com.storyloop.practice.loops.domain;

import java.util.List;

import com.storyloop.rubric.scorecard.Principle;

/**
 * The shape of a loop: how many interviews, how many principle questions each, whether the last interviewer is the bar
 * raiser, and the principles to ask in order (empty: the 16 in rubric order, repeated if the loop has more questions).
 */
public record LoopFormat(int interviews, int questionsPerInterview, boolean barRaiser, List<Principle> principles) {

    public static final int MAX_INTERVIEWS = 8;
    public static final int MAX_QUESTIONS_PER_INTERVIEW = 4;

    public LoopFormat {
        principles = principles == null ? List.of() : List.copyOf(principles);
        if (interviews < 1 || interviews > MAX_INTERVIEWS) {
            throw new LoopRuleViolation("interviews", "A loop has 1 to " + MAX_INTERVIEWS + " interviews");
        }
        if (questionsPerInterview < 1 || questionsPerInterview > MAX_QUESTIONS_PER_INTERVIEW) {
            throw new LoopRuleViolation("questionsPerInterview", "An interview asks 1 to " + MAX_QUESTIONS_PER_INTERVIEW + " principle questions");
        }
    }

    public int slots() {
        return interviews * questionsPerInterview;
    }
}
