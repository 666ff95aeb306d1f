package com.storyloop.story.stories.application.importing;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.web.problems.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownStoriesTest {

    static final String TWO_STORIES = """
            # Rolled back a conversion win
            Principles: CUSTOMER_OBSESSION, Dive Deep
            Project: checkout-2024

            ## Situation
            Conversion rose 4% after the redesign.

            Support tickets from screen-reader users tripled.
            ## Task
            I owned checkout quality.
            ## Action
            I rolled back for them.
            ## Result
            Tickets returned to baseline.

            # Cut the approval queue
            Principles: invent-and-simplify
            I replaced a five-step approval with a risk threshold.
            """;

    @Test
    void readsStarAndFreeTextStoriesWithTheirPrinciplesAndProject() {
        StoryDocument document = MarkdownStories.parse(TWO_STORIES);

        assertThat(document.problems()).isEmpty();
        assertThat(document.stories()).extracting(StoryDocument.DocumentStory::input).containsExactly(
                new StoryInput("Rolled back a conversion win", "Conversion rose 4% after the redesign.\n\nSupport tickets from screen-reader users tripled.",
                        "I owned checkout quality.", "I rolled back for them.", "Tickets returned to baseline.", null,
                        List.of("CUSTOMER_OBSESSION", "DIVE_DEEP"), "checkout-2024"),
                new StoryInput("Cut the approval queue", null, null, null, null, "I replaced a five-step approval with a risk threshold.",
                        List.of("INVENT_AND_SIMPLIFY"), null));
    }

    @Test
    void remembersTheLineOfEachField() {
        StoryDocument.DocumentStory first = MarkdownStories.parse(TWO_STORIES).stories().get(0);

        assertThat(first.lineOf("title")).isEqualTo(1);
        assertThat(first.lineOf("principles[1]")).isEqualTo(2);
        assertThat(first.lineOf("situation")).isEqualTo(5);
        assertThat(first.lineOf("result")).isEqualTo(13);
        assertThat(MarkdownStories.parse(TWO_STORIES).stories().get(1).lineOf("text")).isEqualTo(18);
    }

    @Test
    void keepsWindowsLineEndingsInsideSections() {
        StoryDocument document = MarkdownStories.parse("# T\r\n## Situation\r\nline one\r\nline two\r\n## Result\r\nok\r\n");

        assertThat(document.stories().get(0).input().situation()).isEqualTo("line one\r\nline two");
    }

    @Test
    void headingsInsideFencedCodeAreText() {
        StoryDocument document = MarkdownStories.parse("# T\n## Action\n```\n# not a story\n## not a section\n```\n");

        assertThat(document.problems()).isEmpty();
        assertThat(document.stories()).hasSize(1);
        assertThat(document.stories().get(0).input().action()).isEqualTo("```\n# not a story\n## not a section\n```");
    }

    @Test
    void reportsUnknownSectionsStrayTextAndAnEmptyDocumentWithTheirLines() {
        StoryDocument document = MarkdownStories.parse("""
                intro text
                # T
                before sections
                ## Situation
                s
                ## Outcome
                o
                ## Situation
                again
                """);

        assertThat(document.problems()).extracting(FieldProblem::field, FieldProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("document", 1), org.assertj.core.groups.Tuple.tuple("stories[0].document", 6),
                org.assertj.core.groups.Tuple.tuple("stories[0].situation", 8), org.assertj.core.groups.Tuple.tuple("stories[0].text", 3));
        assertThat(MarkdownStories.parse("\n\n").problems()).extracting(FieldProblem::message)
                .containsExactly("no stories found: start each story with a '# Title' line");
    }
}
