package com.storyloop.scoring.scorecards.domain;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a story event must describe to be a scorable revision. */
class RevisionCopyTest {

    static final UUID SOURCE = UUID.randomUUID();

    @Test
    void givenStarSections_thenTheCopyIsAStarRevision() {
        RevisionCopy copy = RevisionCopy.of("s-1", 2, "b-1", "o-1", "c-1", "T", "S", null, "A", "R", null, List.of("OWNERSHIP"), SOURCE, null);

        assertThat(copy.body()).isEqualTo(new StoryBody.Star("S", null, "A", "R"));
        assertThat(copy.correlationId()).isEqualTo(SOURCE.toString());
    }

    @Test
    void givenBothTextAndStar_thenRefusedNamingTheText() {
        assertThatThrownBy(() -> RevisionCopy.of("s-1", 1, "b-1", "o-1", "c-1", "T", "S", null, null, null, "text", List.of(), SOURCE, "c"))
                .isInstanceOf(InvalidRevision.class).hasMessageContaining("both").extracting(e -> ((InvalidRevision) e).field()).isEqualTo("text");
    }

    @Test
    void givenNeitherTextNorStar_thenRefused() {
        assertThatThrownBy(() -> RevisionCopy.of("s-1", 1, "b-1", "o-1", "c-1", "T", null, null, null, null, null, List.of(), SOURCE, "c"))
                .isInstanceOf(InvalidRevision.class).hasMessageContaining("neither");
    }

    @Test
    void givenRevisionZeroOrAnIdWithASlash_thenRefused() {
        assertThatThrownBy(() -> RevisionCopy.of("s-1", 0, "b-1", "o-1", "c-1", "T", null, null, null, null, "t", List.of(), SOURCE, "c"))
                .isInstanceOf(InvalidRevision.class).hasMessageContaining("revision 0");
        assertThatThrownBy(() -> RevisionCopy.of("s/1", 1, "b-1", "o-1", "c-1", "T", null, null, null, null, "t", List.of(), SOURCE, "c"))
                .isInstanceOf(InvalidRevision.class).extracting(e -> ((InvalidRevision) e).field()).isEqualTo("storyId");
    }

    @Test
    void scorecardStreamsAreNamedAfterWhatTheyScore() {
        assertThat(ScorecardStreams.scorecard("s-1", 2, "1.0.0")).isEqualTo("scorecard/s-1/2/1.0.0");
    }
}
