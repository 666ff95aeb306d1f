package com.storyloop.console.stories;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.SideBySideDiff;
import com.storyloop.console.stories.application.SideBySideDiff.Piece;
import com.storyloop.console.stories.application.SideBySideDiff.SectionPair;

import static org.assertj.core.api.Assertions.assertThat;

class SideBySideDiffTest {

    static Map<String, Object> diff() {
        return Map.of("from", 2, "to", 3, "principlesAdded", List.of("BACKBONE"), "principlesRemoved", List.of(),
                "sections", List.of(
                        Map.of("section", "title", "status", "UNCHANGED", "changes", List.of(Map.of("op", "EQUAL", "text", "Rollback"))),
                        Map.of("section", "action", "status", "CHANGED", "changes", List.of(
                                Map.of("op", "EQUAL", "text", "I read the tickets"),
                                Map.of("op", "DELETE", "text", " and"),
                                Map.of("op", "DELETE", "text", " fixed it"),
                                Map.of("op", "INSERT", "text", "; I disagreed"),
                                Map.of("op", "EQUAL", "text", ".")))));
    }

    @Test
    void givenAWordDiff_whenLaidOut_thenTheOldColumnHoldsDeletionsAndTheNewColumnInsertions() {
        SectionPair action = SideBySideDiff.from(diff()).sections().get(1);

        assertThat(action.left()).containsExactly(new Piece("I read the tickets", "EQUAL"), new Piece(" and fixed it", "DELETE"), new Piece(".", "EQUAL"));
        assertThat(action.right()).containsExactly(new Piece("I read the tickets", "EQUAL"), new Piece("; I disagreed", "INSERT"), new Piece(".", "EQUAL"));
        assertThat(action.left().get(1).deleted()).isTrue();
        assertThat(action.right().get(1).inserted()).isTrue();
    }

    @Test
    void givenSections_whenLaidOut_thenEachIsLabelledWithItsStatusInWords() {
        SideBySideDiff diff = SideBySideDiff.from(diff());

        assertThat(diff.sections()).extracting(SectionPair::label).containsExactly("Title", "Action");
        assertThat(diff.sections().get(0).changed()).isFalse();
        assertThat(diff.sections().get(0).statusText()).isEqualTo("unchanged");
        assertThat(diff.sections().get(1).statusText()).isEqualTo("changed");
        assertThat(diff.from()).isEqualTo(2);
        assertThat(diff.to()).isEqualTo(3);
    }

    @Test
    void givenAChangedClaim_whenLaidOut_thenTheDiffIsNotIdenticalEvenIfTheTextIs() {
        SideBySideDiff diff = SideBySideDiff.from(Map.of("from", 1, "to", 2, "principlesAdded", List.of("BACKBONE"),
                "sections", List.of(Map.of("section", "title", "status", "UNCHANGED", "changes", List.of(Map.of("op", "EQUAL", "text", "T"))))));

        assertThat(diff.principlesChanged()).isTrue();
        assertThat(diff.identical()).isFalse();
        assertThat(diff.principlesRemoved()).isEmpty();
    }

    @Test
    void givenASectionOnlyInTheNewerRevision_whenLaidOut_thenTheOldColumnIsEmpty() {
        SideBySideDiff diff = SideBySideDiff.from(Map.of("from", 1, "to", 2, "sections", List.of(
                Map.of("section", "result", "status", "ADDED", "changes", List.of(Map.of("op", "INSERT", "text", "We won."))))));

        SectionPair result = diff.sections().get(0);
        assertThat(result.left()).isEmpty();
        assertThat(result.right()).containsExactly(new Piece("We won.", "INSERT"));
        assertThat(result.statusText()).isEqualTo("added in the newer revision");
    }
}
