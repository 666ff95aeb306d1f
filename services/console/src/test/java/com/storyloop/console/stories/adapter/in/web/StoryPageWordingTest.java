package com.storyloop.console.stories.adapter.in.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.services.ServiceProblem;

import static org.assertj.core.api.Assertions.assertThat;

class StoryPageWordingTest {

    static ServiceProblem problem(int status, String detail) {
        return new ServiceProblem(status, "Refused", detail, Map.of());
    }

    @Test
    void givenAnyRefusedSave_whenWorded_thenItSaysNothingWasSavedAndNeverBlamesTheText() {
        for (int status : new int[] {400, 401, 403, 404, 409, 412, 422, 428, 503}) {
            String wording = StoryPage.saveRefused(problem(status, "Nothing changed: identical to revision 3"));
            assertThat(wording).as("status %d", status).containsAnyOf("Nothing was saved", "Nothing changed");
        }
    }

    @Test
    void givenAStaleVersion_whenWorded_thenItTellsHowToGetTheTextBack() {
        assertThat(StoryPage.saveRefused(problem(412, "It is at version 4 now"))).contains("Your text is still here").contains("Restore unsaved text");
    }

    @Test
    void givenAnIdenticalText_whenWorded_thenTheServicesOwnExplanationIsOneSentence() {
        assertThat(StoryPage.saveRefused(problem(409, "Nothing changed: this text is identical to revision 3, so no new revision was made")))
                .isEqualTo("Nothing changed: this text is identical to revision 3, so no new revision was made.");
    }

    @Test
    void givenAHandEditedRevisionNumber_whenRead_thenOnlyDigitsCount() {
        assertThat(StoryPage.revisionNumber("3")).isEqualTo(3);
        assertThat(StoryPage.revisionNumber(" 12 ")).isEqualTo(12);
        assertThat(StoryPage.revisionNumber("abc")).isNull();
        assertThat(StoryPage.revisionNumber("-1")).isNull();
        assertThat(StoryPage.revisionNumber("99999999999")).isNull();
        assertThat(StoryPage.revisionNumber(null)).isNull();
    }

    @Test
    void givenAStoryThatCannotBeScoredYet_whenWorded_thenThePreviewSaysWhenItWillAppear() {
        assertThat(StoryPage.previewRefused(problem(400, "the story contains only whitespace")))
                .isEqualTo("The preview appears once the story can be scored: the story contains only whitespace.");
    }
}
