package com.storyloop.story.stories.application.importing;

import java.util.List;
import java.util.Map;

import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.web.problems.FieldProblem;

/**
 * An import document read into stories, each remembering on which line each of its fields began, plus the problems
 * found while reading it (unknown sections, malformed JSON, ...). Lines count from 1.
 */
public record StoryDocument(List<DocumentStory> stories, List<FieldProblem> problems) {

    public StoryDocument {
        stories = List.copyOf(stories);
        problems = List.copyOf(problems);
    }

    public record DocumentStory(int line, StoryInput input, Map<String, Integer> fieldLines) {

        /** The line of a field such as {@code principles[2]}: its own line if known, its base field's, else the story's. */
        public int lineOf(String field) {
            Integer exact = fieldLines.get(field);
            if (exact != null) {
                return exact;
            }
            String base = field.replaceAll("[\\[.].*$", "");
            return fieldLines.getOrDefault(base, line);
        }
    }
}
