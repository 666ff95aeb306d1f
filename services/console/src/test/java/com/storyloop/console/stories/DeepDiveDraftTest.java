package com.storyloop.console.stories;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.DeepDiveDraft;
import com.storyloop.console.stories.application.DeepDiveDraft.Section;

import static org.assertj.core.api.Assertions.assertThat;

class DeepDiveDraftTest {

    @Test
    void givenTheFormsParallelLists_whenRead_thenRowsLeftBlankAreNoSections() {
        DeepDiveDraft draft = DeepDiveDraft.fromForm(List.of("Numbers", " ", ""), Arrays.asList("p99 40 s", "", null), 5L);

        assertThat(draft.sections()).containsExactly(new Section("Numbers", "p99 40 s"));
        assertThat(draft.ifMatch()).isEqualTo("\"5\"");
    }

    @Test
    void givenARowWithOnlyText_whenRead_thenItIsKeptSoTheServiceCanAskForItsHeading() {
        DeepDiveDraft draft = DeepDiveDraft.fromForm(List.of(""), List.of("orphan text"), 5L);

        assertThat(draft.sections()).containsExactly(new Section("", "orphan text"));
        assertThat(draft.fieldNames()).contains("sections[0].heading", "sections[0].text");
    }

    @Test
    void givenSections_whenSent_thenTheBodyIsTheWholeAppendix() {
        Map<String, Object> body = DeepDiveDraft.fromForm(List.of("A", "B"), List.of("a", "b"), 1L).body();

        assertThat(body).isEqualTo(Map.of("sections", List.of(Map.of("heading", "A", "text", "a"), Map.of("heading", "B", "text", "b"))));
        assertThat(DeepDiveDraft.fromForm(null, null, 1L).body()).isEqualTo(Map.of("sections", List.of()));
    }

    @Test
    void givenAStoryWithAnAppendix_whenEdited_thenTheFormOffersOneEmptyRowAfterTheSections() {
        DeepDiveDraft draft = DeepDiveDraft.of(Map.of("version", 9, "deepDive", List.of(Map.of("heading", "A", "text", "a"))));

        assertThat(draft.rowsWithBlank()).containsExactly(new Section("A", "a"), new Section("", ""));
        assertThat(draft.version()).isEqualTo(9L);
    }
}
