package com.storyloop.story.stories.application.importing;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.web.problems.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class JsonStoriesTest {

    @Test
    void readsTheStoriesOfADocumentOrABareArray() {
        String story = """
                {"title": "Cut the approval queue", "text": "I replaced a five-step approval.", "principles": ["INVENT_AND_SIMPLIFY"]}""";
        StoryInput expected = new StoryInput("Cut the approval queue", null, null, null, null, "I replaced a five-step approval.",
                List.of("INVENT_AND_SIMPLIFY"), null);

        assertThat(JsonStories.parse("{\"stories\": [" + story + "]}").stories()).extracting(StoryDocument.DocumentStory::input)
                .containsExactly(expected);
        assertThat(JsonStories.parse("[" + story + "]").stories()).extracting(StoryDocument.DocumentStory::input).containsExactly(expected);
    }

    @Test
    void namesTheLineOfEachFieldAndOfEachProblem() {
        StoryDocument document = JsonStories.parse("""
                {"stories": [
                  {"title": "One",
                   "situation": "s",
                   "principles": ["OWNERSHIP",
                                  42]},
                  {"title": 7, "colour": "blue"}
                ]}
                """);

        assertThat(document.stories().get(0).lineOf("situation")).isEqualTo(3);
        assertThat(document.stories().get(0).lineOf("principles[1]")).isEqualTo(5);
        assertThat(document.problems()).extracting(FieldProblem::field, FieldProblem::line).containsExactly(
                tuple("stories[0].principles[1]", 5), tuple("stories[1].title", 6), tuple("stories[1].colour", 6));
    }

    @Test
    void malformedJsonIsOneProblemWithItsLine() {
        StoryDocument document = JsonStories.parse("{\"stories\": [\n {\"title\": \"x\",,}\n]}");

        assertThat(document.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("document");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }
}
