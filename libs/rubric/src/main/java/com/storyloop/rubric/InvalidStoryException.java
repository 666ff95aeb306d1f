package com.storyloop.rubric;

/**
 * The story cannot be scored; {@link #problem()} says why and the message names the problem
 * in words a user can act on (services map this to a 4xx, the CLI to exit code 2).
 */
public final class InvalidStoryException extends RuntimeException {

    public enum Problem {
        EMPTY_STORY, STORY_TOO_LONG, BINARY_CONTENT, UNKNOWN_PRINCIPLE, INVALID_LEVEL
    }

    private final Problem problem;

    public InvalidStoryException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
