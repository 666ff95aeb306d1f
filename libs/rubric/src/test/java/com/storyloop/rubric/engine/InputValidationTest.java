package com.storyloop.rubric.engine;

import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.rubric.InvalidStoryException.Problem;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputValidationTest {

    private final RubricEngine engine = RubricEngine.standard();

    private void rejects(StoryInput in, Problem problem, String messagePart) {
        assertThatThrownBy(() -> engine.score(in))
                .isInstanceOfSatisfying(InvalidStoryException.class, e -> org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(messagePart);
    }

    @Test
    void emptyAndWhitespaceStoriesAreRejected() {
        rejects(StoryInput.text(""), Problem.EMPTY_STORY, "empty");
        rejects(StoryInput.text(" \n\t  "), Problem.EMPTY_STORY, "only whitespace");
        rejects(StoryInput.star(" ", "", null, "\n"), Problem.EMPTY_STORY, "whitespace");
    }

    @Test
    void storiesOverTheLimitAreRejectedWithTheirLength() {
        rejects(StoryInput.text("word ".repeat(4_001)), Problem.STORY_TOO_LONG, "20,005 characters; the limit is 20,000");
    }

    @Test
    void binaryGarbageIsRejected() {
        rejects(StoryInput.text("PK\u0003\u0004\u0000\u0000 binary"), Problem.BINARY_CONTENT, "binary data");
        rejects(StoryInput.text("\uFFFD\uFFFD\uFFFD story"), Problem.BINARY_CONTENT, "U+FFFD");
        rejects(StoryInput.text("#$%^&*()_+{}|:<>?~!@#$%^&*()_+ 12345 67890 !!!! ????"), Problem.BINARY_CONTENT, "does not look like text");
    }

    @Test
    void unknownPrincipleCodesAreNamed() {
        rejects(StoryInput.text(Stories.PASSING).withClaimedPrinciples(List.of("CUSTOMER_OBSESSION", "BE_NICE")),
                Problem.UNKNOWN_PRINCIPLE, "'BE_NICE'");
    }
}
