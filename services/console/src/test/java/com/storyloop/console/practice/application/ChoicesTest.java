package com.storyloop.console.practice.application;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.storyloop.console.practice.application.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

class ChoicesTest {

    @Test
    void givenABankWithARetiredStory_whenOffered_thenOnlyActiveStoriesWithTheirRevision() {
        StoryChoices stories = Fixtures.bank();

        assertThat(stories.all()).extracting(StoryChoices.StoryChoice::label)
                .containsExactly("Rolled back a conversion win (revision 3)", "Replaced a five-step approval (revision 2)");
        assertThat(stories.find(Fixtures.ROLLBACK)).map(StoryChoices.StoryChoice::revision).contains(3);
        assertThat(stories.find("retired-1")).isEmpty();
        assertThat(stories.titleOf(null)).isNull();
    }

    @Test
    void givenBankQuestions_whenOffered_thenEachCarriesItsProbesAndProvenanceAsText() {
        Map<String, Object> page = Map.of("items", List.of(
                map("questionId", "ow-01", "text", "Nobody owned it.", "probes", List.of("Why?"), "level", null, "variantOf", null, "source", "built-in",
                        "packId", null),
                map("questionId", "ow-01-l7", "text", "Across organisations.", "probes", List.of(), "level", "L7", "variantOf", "ow-01", "source", "built-in",
                        "packId", null),
                map("questionId", "acme-3", "text", "From a pack.", "probes", List.of(), "level", null, "variantOf", null, "source", "provider",
                        "packId", "acme-pack", "packVersion", 2, "providerId", "acme")));

        List<QuestionChoices.QuestionChoice> choices = QuestionChoices.fromPage(page);

        assertThat(choices).extracting(QuestionChoices.QuestionChoice::provenance).containsExactly(
                "built-in, any level", "built-in, level L7, variant of ow-01", "pack acme-pack 2 from provider acme, any level");
        assertThat(choices.get(0).probes()).containsExactly("Why?");
    }

    @Test
    void givenATimelineWithRatingPoints_whenListingPastLoops_thenOneRowPerLoopNewestFirst() {
        Map<String, Object> timeline = Map.of("points", List.of(
                map("at", "2026-11-20T10:00:00Z", "kind", "READINESS", "loopId", null, "rating", null),
                map("at", "2026-11-20T10:05:00Z", "kind", "RATING", "loopId", "old", "rating", "INCLINED"),
                map("at", "2026-11-21T09:00:00Z", "kind", "RATING", "loopId", "new", "rating", "NOT_INCLINED"),
                map("at", "2026-11-21T09:30:00Z", "kind", "RATING", "loopId", "new", "rating", "STRONGLY_INCLINED")));

        List<PastLoops.PastLoop> loops = PastLoops.fromTimeline(timeline);

        assertThat(loops).extracting(PastLoops.PastLoop::loopId).containsExactly("new", "old");
        assertThat(loops.get(0).firstAt()).isEqualTo("2026-11-21 09:00 UTC");
        assertThat(loops.get(0).lastAt()).isEqualTo("2026-11-21 09:30 UTC");
        assertThat(loops.get(0).ratingsText()).isEqualTo("Not inclined, Strongly inclined");
        assertThat(loops.get(0).outcomeText()).isEqualTo("not completed");
    }

    @Test
    void givenCompletedLoops_whenListingPastLoops_thenSelfPracticeIsListedWithItsOutcome() {
        Map<String, Object> timeline = Map.of("points", List.of(
                map("at", "2026-11-20T10:05:00Z", "kind", "RATING", "loopId", "rated", "rating", "INCLINED"),
                map("at", "2026-11-20T10:30:00Z", "kind", "LOOP", "loopId", "rated", "answers", 2, "answersInTargetTime", 1, "abandoned", false),
                map("at", "2026-11-22T08:00:00Z", "kind", "LOOP", "loopId", "alone", "answers", 1, "answersInTargetTime", 1, "abandoned", true)));

        List<PastLoops.PastLoop> loops = PastLoops.fromTimeline(timeline);

        assertThat(loops).extracting(PastLoops.PastLoop::loopId).containsExactly("alone", "rated");
        assertThat(loops.get(0).ratingsText()).isEqualTo("none");
        assertThat(loops.get(0).outcomeText()).isEqualTo("stopped early: 1 answer, 1 in 2-3 minutes");
        assertThat(loops.get(1).ratingsText()).isEqualTo("Inclined");
        assertThat(loops.get(1).outcomeText()).isEqualTo("completed: 2 answers, 1 in 2-3 minutes");
    }
}
