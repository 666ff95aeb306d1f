package com.storyloop.console.practice.application;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.storyloop.console.practice.application.Fixtures.ROLLBACK;
import static com.storyloop.console.practice.application.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

class LoopSummariesTest {

    @Test
    void givenTheServicesCompletionSummary_whenShown_thenRowsPerPrincipleAndPerStoryInPlainWords() {
        Map<String, Object> summary = map("abandoned", true, "questionsAsked", 2, "answersGiven", 1, "answersInTargetTime", 1,
                "principles", List.of(
                        map("principle", "CUSTOMER_OBSESSION", "storyId", ROLLBACK, "storyRevision", 3, "rating", "STRONGLY_INCLINED", "durationSeconds", 150,
                                "probesAsked", 2, "probesHandledPoorly", 1, "flags", List.of("PERFECT_PATH")),
                        map("principle", "OWNERSHIP", "storyId", null, "storyRevision", null, "rating", null, "durationSeconds", null,
                                "probesAsked", 0, "probesHandledPoorly", 0, "flags", List.of())),
                "storyUse", List.of(map("storyId", ROLLBACK, "answers", 1, "principles", List.of("CUSTOMER_OBSESSION"))),
                "warnings", List.of("CUSTOMER_OBSESSION: 1 probe(s) went badly"));

        LoopSummaries.SummaryView view = LoopSummaries.fromCompletion(summary, Fixtures.bank());

        assertThat(view.abandoned()).isTrue();
        assertThat(view.totalsText()).isEqualTo("2 questions asked, 1 answered, 1 in the 120-180 s target.");
        LoopSummaries.PrincipleRow first = view.principles().get(0);
        assertThat(first.principleTitle()).isEqualTo("Customer Obsession");
        assertThat(first.storyTitle()).isEqualTo("Rolled back a conversion win");
        assertThat(first.ratingText()).isEqualTo("Strongly inclined");
        assertThat(first.durationText()).isEqualTo("2:30 (150 s)");
        assertThat(first.flags()).containsExactly("Perfect path");
        assertThat(view.principles().get(1).ratingText()).isEqualTo("Not rated");
        assertThat(view.principles().get(1).storyTitle()).isNull();
        assertThat(view.stories()).containsExactly(new LoopSummaries.StoryRow("Rolled back a conversion win", 1, List.of("Customer Obsession")));
        assertThat(view.warnings()).containsExactly("Customer Obsession: 1 probe(s) went badly");
    }

    @Test
    void givenACompletedLoopPage_whenSummarised_thenTheSameTablesFromTheRecordedAnswers() {
        Map<String, Object> loop = LoopRunTest.loop("INTERVIEWED", true, List.of(
                LoopRunTest.rated(0, 0, "CUSTOMER_OBSESSION", ROLLBACK, "INCLINED"),
                LoopRunTest.answered(0, 1, "OWNERSHIP", ROLLBACK, 300, "TOO_LONG", true)));
        LoopRun.LoopPage page = LoopRun.from(loop, Fixtures.bank(), LoopRunTest.BANK, Map.of());

        LoopSummaries.SummaryView view = LoopSummaries.fromLoop(page);

        assertThat(view.questionsAsked()).isEqualTo(2);
        assertThat(view.answersGiven()).isEqualTo(2);
        assertThat(view.answersInTargetTime()).isEqualTo(1);
        assertThat(view.abandoned()).as("the bar raiser's question was never answered").isTrue();
        assertThat(view.principles()).extracting(LoopSummaries.PrincipleRow::ratingText).containsExactly("Inclined", "Not rated");
        assertThat(view.principles().get(0).probesHandledPoorly()).isEqualTo(1);
        assertThat(view.stories()).containsExactly(
                new LoopSummaries.StoryRow("Rolled back a conversion win", 2, List.of("Customer Obsession", "Ownership")));
        assertThat(view.warnings()).isEmpty();
    }
}
