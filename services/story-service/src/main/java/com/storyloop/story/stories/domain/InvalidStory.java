package com.storyloop.story.stories.domain;

import java.util.List;

/** Input that breaks a limit or a format rule; lists every problem, not only the first, so one fix round is enough. */
public final class InvalidStory extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidStory(List<InputProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String summary(List<InputProblem> problems) {
        return problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " problems: " + String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
    }
}
