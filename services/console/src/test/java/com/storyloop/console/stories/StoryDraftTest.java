package com.storyloop.console.stories;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.StoryDraft;

import static org.assertj.core.api.Assertions.assertThat;

class StoryDraftTest {

    @Test
    void givenAStarStory_whenOpened_thenTheEditorStartsFromItsTextAndVersionWithAnEmptyNote() {
        StoryDraft draft = StoryDraft.of(Map.of("format", "STAR", "title", "T", "situation", "S", "task", "K", "action", "A", "result", "R",
                "principles", List.of("OWNERSHIP"), "version", 7));

        assertThat(draft.freeText()).isFalse();
        assertThat(draft.claims("OWNERSHIP")).isTrue();
        assertThat(draft.note()).isNull();
        assertThat(draft.ifMatch()).isEqualTo("\"7\"");
        assertThat(draft.fieldNames()).containsExactly("title", "situation", "task", "action", "result", "principles", "projectTag", "note");
    }

    @Test
    void givenAStarDraft_whenSaved_thenTheRevisionCarriesTheFourSectionsClaimsTagAndNote() {
        StoryDraft draft = new StoryDraft("STAR", "T", "S", null, "A", "R", "ignored", List.of("DIVE_DEEP"), "tag", "more numbers", 3L);

        assertThat(draft.revisionBody()).containsExactly(Map.entry("title", "T"), Map.entry("situation", "S"), Map.entry("task", ""),
                Map.entry("action", "A"), Map.entry("result", "R"), Map.entry("principles", List.of("DIVE_DEEP")),
                Map.entry("projectTag", "tag"), Map.entry("note", "more numbers"));
    }

    @Test
    void givenAFreeTextDraftWithBlankNoteAndTag_whenSaved_thenOnlyTheTextIsSentAndBlanksBecomeAbsent() {
        StoryDraft draft = new StoryDraft("TEXT", "T", "S", null, null, null, "The whole story.", null, " ", "", 3L);

        Map<String, Object> body = draft.revisionBody();
        assertThat(body).containsEntry("text", "The whole story.").doesNotContainKeys("situation", "task", "action", "result");
        assertThat(body.get("note")).isNull();
        assertThat(body.get("projectTag")).isNull();
        assertThat(body.get("principles")).isEqualTo(List.of());
        assertThat(draft.fieldNames()).contains("text").doesNotContain("situation");
    }

    @Test
    void givenAnUnreadableStory_whenEdited_thenTheStarFieldsAreOffered() {
        assertThat(new StoryDraft("", "T", null, null, null, null, null, null, null, null, null).freeText()).isFalse();
        assertThat(new StoryDraft(null, "T", null, null, null, null, null, null, null, null, null).freeText()).isFalse();
    }

    @Test
    void givenADraft_whenScored_thenNeitherNoteNorVersionIsSent() {
        StoryDraft draft = new StoryDraft("STAR", "T", "S", "K", "A", "R", null, List.of("OWNERSHIP"), "tag", "note", 3L);

        assertThat(draft.scoringBody()).containsOnlyKeys("title", "situation", "task", "action", "result", "principles");
    }

    @Test
    void givenAFormThatLostItsVersion_whenSaved_thenNoIfMatchIsSentAndTheServiceAsksForOne() {
        assertThat(new StoryDraft("STAR", "T", null, null, null, null, null, null, null, null, null).ifMatch()).isNull();
    }

    @Test
    void givenASavedDraft_whenContinued_thenItKeepsTheTextAtTheNewVersionWithoutTheOldNote() {
        StoryDraft saved = new StoryDraft("STAR", "T", "S", "K", "A", "R", null, List.of(), null, "note", 3L).savedAs(4L);

        assertThat(saved.version()).isEqualTo(4L);
        assertThat(saved.note()).isNull();
        assertThat(saved.situation()).isEqualTo("S");
    }
}
