package com.storyloop.console.stories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.EditorErrors;

import static org.assertj.core.api.Assertions.assertThat;

class EditorErrorsTest {

    static final List<String> FORM = List.of("title", "situation", "task", "action", "result", "principles", "projectTag", "note");

    @Test
    void givenServiceFieldErrors_whenSorted_thenEachMessageSitsAtItsFieldAsAReadableSentence() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("principles[1]", "\"BE_NICE\" is not a Leadership Principle code");
        fields.put("title", "is required");
        fields.put("projectTag", "at most 100 characters");

        EditorErrors errors = EditorErrors.of("Nothing was saved yet.", fields, FORM);

        assertThat(errors.any()).isTrue();
        assertThat(errors.of("title")).isEqualTo("The title is required");
        assertThat(errors.of("principles")).isEqualTo("\"BE_NICE\" is not a Leadership Principle code");
        assertThat(errors.of("projectTag")).isEqualTo("The project tag at most 100 characters");
        assertThat(errors.has("situation")).isFalse();
        assertThat(errors.of("situation")).isEmpty();
        assertThat(errors.messages()).extracting(EditorErrors.Message::anchor).containsExactly("title", "principles", "projectTag");
        assertThat(errors.general()).isEmpty();
    }

    @Test
    void givenAnErrorOnNoFormField_whenSorted_thenItIsSaidAboveTheFormUnlessTheSummarySaysItAlready() {
        EditorErrors stale = EditorErrors.of("Nothing was saved: someone else changed it.", Map.of("If-Match", "It is at version 3 now, not 1"), FORM);
        EditorErrors identical = EditorErrors.of("Nothing changed: identical to revision 3.", Map.of("text", "Nothing changed: identical to revision 3"), FORM);

        assertThat(stale.general()).containsExactly("It is at version 3 now, not 1");
        assertThat(stale.messages()).extracting(EditorErrors.Message::anchor).containsExactly((String) null);
        assertThat(identical.general()).isEmpty();
    }

    @Test
    void givenDeepDiveErrors_whenSorted_thenTheyNameTheSectionByNumberAndLinkToItsBox() {
        EditorErrors errors = EditorErrors.of("Nothing was saved yet.", Map.of("sections[1].heading", "is required", "sections[0].text", "too long"),
                List.of("sections", "sections[0].heading", "sections[0].text", "sections[1].heading", "sections[1].text"));

        assertThat(errors.startingWith("sections[1]")).isEqualTo("Section 2 heading is required");
        assertThat(errors.startingWith("sections[0]")).isEqualTo("Section 1 text too long");
        assertThat(errors.messages()).extracting(EditorErrors.Message::anchor).containsExactly("dd-text-0", "dd-heading-1");
    }

    @Test
    void givenNoRefusal_whenAsked_thenThereIsNothingToShow() {
        EditorErrors none = EditorErrors.none();

        assertThat(none.any()).isFalse();
        assertThat(none.messages()).isEmpty();
        assertThat(none.of("title")).isEmpty();
    }
}
