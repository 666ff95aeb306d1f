package com.storyloop.console.clients;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.clients.application.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTest {

    @Test
    void givenFindingCodes_whenDescribed_thenPrinciplesAndStoriesAreNamedAndTheCodeIsKept() {
        List<Finding> findings = Finding.describe(List.of("MISSING_LP:DIVE_DEEP", "NO_DEEP_DIVE:s1", "WEAK_STORIES:2", "COVERAGE_COMPLETE"),
                Map.of("s1", "Rolled back a launch"));

        assertThat(findings).extracting(Finding::sentence).containsExactly(
                "No story covers Dive Deep yet.",
                "\u201cRolled back a launch\u201d has no deep-dive appendix (raw data, exact metrics, technical details).",
                "2 active stories are at FAIL.",
                "Every principle is demonstrated by a PASS story.");
        assertThat(findings.get(1).storyId()).isEqualTo("s1");
        assertThat(findings.get(1).code()).isEqualTo("NO_DEEP_DIVE:s1");
        assertThat(findings.get(3).good()).isTrue();
    }

    @Test
    void givenAFindingThisConsoleDoesNotKnow_whenDescribed_thenItsCodeIsShownAsIs() {
        assertThat(Finding.describe("SOMETHING_NEW:x", Map.of()).sentence()).isEqualTo("SOMETHING_NEW:x");
    }
}
