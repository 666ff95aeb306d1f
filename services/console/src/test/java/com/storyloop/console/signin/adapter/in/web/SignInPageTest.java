package com.storyloop.console.signin.adapter.in.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInPageTest {

    @Test
    void afterSigningInOnlyAPathOnThisConsoleIsFollowed() {
        assertThat(SignInPage.safeNext("/clients/ada?tab=stories")).isEqualTo("/clients/ada?tab=stories");
        assertThat(SignInPage.safeNext("//evil.example/x")).isNull();
        assertThat(SignInPage.safeNext("https://evil.example")).isNull();
        assertThat(SignInPage.safeNext("/\\evil.example")).isNull();
        assertThat(SignInPage.safeNext(null)).isNull();
    }
}
