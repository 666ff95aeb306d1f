package com.storyloop.story.stories.domain;

/** One thing wrong with submitted input, named by its field (as in the HTTP contract, e.g. {@code principles[2]}). */
public record InputProblem(String field, String message) {
}
