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
        assertThat(SignInPage.safeNext("/\t/evil.example")).as("a tab the browser would drop").isNull();
        assertThat(SignInPage.safeNext("/\n/evil.example")).isNull();
    }
}
