package com.storyloop.practice.content.domain;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentAllowListTest {

    final ContentAllowList allowList = new ContentAllowList(Set.of("acme/kit", "acme/mocks", "narrow/kit", "narrow/mocks", "closed/kit"),
            Map.of("narrow", Set.of("mocks", "never-accepted"), "closed", Set.of()));

    @Test
    void anOrganisationWithoutItsOwnListIsServedEveryProviderTheInstallationAcceptsForIt() {
        assertThat(allowList.servedTo("acme")).containsExactlyInAnyOrder("kit", "mocks");
        assertThat(allowList.serves("acme", "kit")).isTrue();
    }

    @Test
    void anOrganisationsOwnListOnlyNarrowsWhatTheInstallationAccepts() {
        // given narrow allows mocks and a provider the installation never accepted for it
        // then it is served mocks only: its own list cannot let in what the intake gate refuses
        assertThat(allowList.servedTo("narrow")).containsExactly("mocks");
        assertThat(allowList.serves("narrow", "kit")).isFalse();
        assertThat(allowList.serves("narrow", "never-accepted")).isFalse();
        // while intake still accepts kit for narrow (installation-wide gate)
        assertThat(allowList.accepts("narrow", "kit")).isTrue();
    }

    @Test
    void anEmptyOwnListServesNothingAndACallerWithoutOrganisationIsServedNoProviderContent() {
        assertThat(allowList.servedTo("closed")).isEmpty();
        assertThat(allowList.servedTo(null)).isEmpty();
        assertThat(allowList.serves(null, "kit")).isFalse();
        assertThat(allowList.serves("stranger", "kit")).isFalse();
    }
}
