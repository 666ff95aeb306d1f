package com.storyloop.console.stories;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.EvidenceHighlighting;
import com.storyloop.console.stories.application.EvidenceHighlighting.Segment;
import com.storyloop.console.stories.application.EvidenceHighlighting.Span;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceHighlightingTest {

    @Test
    void givenNoEvidence_whenSegmented_thenTheWholeTextIsOnePlainRun() {
        List<Segment> segments = EvidenceHighlighting.segments("We shipped it.", List.of());

        assertThat(segments).containsExactly(new Segment("We shipped it.", List.of(), null));
        assertThat(segments.get(0).highlighted()).isFalse();
    }

    @Test
    void givenOneSpan_whenSegmented_thenOnlyItsWordsAreMarkedWithTheFlag() {
        List<Segment> segments = EvidenceHighlighting.segments("Tickets fell from 120 to 38.", List.of(new Span(8, 27, "METRIC_WITHOUT_MECHANISM", "MAJOR")));

        assertThat(segments).containsExactly(
                new Segment("Tickets ", List.of(), null),
                new Segment("fell from 120 to 38", List.of("METRIC_WITHOUT_MECHANISM"), "MAJOR"),
                new Segment(".", List.of(), null));
    }

    @Test
    void givenOverlappingSpansOfTwoFlags_whenSegmented_thenTheOverlapNamesBothAndShowsTheWorseSeverity() {
        String text = "abcdefghij";
        List<Segment> segments = EvidenceHighlighting.segments(text, List.of(new Span(0, 6, "A", "MINOR"), new Span(4, 10, "B", "SEVERE")));

        assertThat(segments).containsExactly(
                new Segment("abcd", List.of("A"), "MINOR"),
                new Segment("ef", List.of("A", "B"), "SEVERE"),
                new Segment("ghij", List.of("B"), "SEVERE"));
    }

    @Test
    void givenAdjacentSpansOfTheSameFlag_whenSegmented_thenTheyBecomeOneMark() {
        List<Segment> segments = EvidenceHighlighting.segments("one two three", List.of(new Span(0, 3, "X", "MAJOR"), new Span(3, 7, "X", "MAJOR")));

        assertThat(segments).containsExactly(new Segment("one two", List.of("X"), "MAJOR"), new Segment(" three", List.of(), null));
    }

    @Test
    void givenSpansOutsideTheText_whenSegmented_thenTheyAreClippedOrDroppedAndNoTextIsLost() {
        List<Segment> segments = EvidenceHighlighting.segments("short", List.of(new Span(3, 99, "A", "MAJOR"), new Span(40, 50, "B", "SEVERE"),
                new Span(-5, 1, "C", "MINOR")));

        assertThat(segments).extracting(Segment::text).containsExactly("s", "ho", "rt");
        assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo("short");
        assertThat(segments.get(2).flagCodes()).containsExactly("A");
    }

    @Test
    void givenNullText_whenSegmented_thenThereIsNothingToShow() {
        assertThat(EvidenceHighlighting.segments(null, List.of(new Span(0, 3, "A", "MAJOR")))).isEmpty();
    }
}
