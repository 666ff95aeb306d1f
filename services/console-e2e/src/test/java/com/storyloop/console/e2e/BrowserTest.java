package com.storyloop.console.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.storyloop.cli.RunningPlatform;

/** A browser test: the shared running platform, one Chromium per test class, and the demo users to sign in as. */
abstract class BrowserTest {

    static final String GRACE = "grace@demo-coaching.example";
    static final String ADA = "ada@demo-coaching.example";
    static final String ADMIN = "admin@demo-coaching.example";

    static RunningPlatform platform;
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        platform = PlatformUnderTest.get();
        browser = new Browser(platform.consoleUrl());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Signed in afresh as a demo user, whoever was signed in before. */
    static Browser as(String email) {
        return browser.signOut().signIn(email, platform.demoPassword(email));
    }
}
