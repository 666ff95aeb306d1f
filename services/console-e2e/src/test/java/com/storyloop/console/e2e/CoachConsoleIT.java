package com.storyloop.console.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A coach signs in, finds her clients on the roster and opens one: the coverage heatmap has all 16 principles. */
class CoachConsoleIT extends BrowserTest {

    @Test
    void aCoachSeesHerRosterAndAClientsCoverageHeatmapWithSixteenPrinciples() {
        as(GRACE);

        assertThat(browser.url()).endsWith("/roster");
        assertThat(browser.text(By.id("roster"))).contains("ada-lovelace").contains("alan-turing").doesNotContain("katherine-johnson");
        // demo data flows into coverage asynchronously: the roster shows readiness once the scores are in
        await().atMost(Browser.PATIENCE).ignoreExceptions().until(() ->
                !browser.open("/roster").text(By.cssSelector("#roster tr[data-client='ada-lovelace']")).contains("not scored yet"));
        browser.screenshot("roster");
        assertThat(browser.accessibilityProblems()).as("axe-core on the roster").isEmpty();

        browser.find(By.linkText("ada-lovelace")).click();
        assertThat(browser.all(By.cssSelector("#heatmap tbody tr[data-principle]"))).hasSize(16);
        assertThat(browser.text(By.id("heatmap"))).contains("Customer Obsession").contains("Ownership").contains("fit ");
        assertThat(browser.text(By.id("readiness-reasons"))).contains("BREADTH");
        assertThat(browser.text(By.id("findings"))).contains("No story covers");
        assertThat(browser.find(By.cssSelector("#client-progress-data-figure figcaption")).getText()).contains("Readiness");
        browser.screenshot("client");
        assertThat(browser.accessibilityProblems()).as("axe-core on the client page").isEmpty();
    }

    @Test
    void aCoachReadsTheCohortAnalyticsAndCanDownloadEachTable() {
        as(GRACE);
        browser.open("/analytics");

        assertThat(browser.all(By.cssSelector("#weakness tbody tr[data-principle]"))).hasSize(16);
        assertThat(browser.text(By.id("flag-resolution"))).contains("TOO_SHORT");
        assertThat(browser.find(By.cssSelector("#mean-by-revision-data-figure figcaption")).getText()).contains("Mean overall score by revision");
        assertThat(browser.all(By.cssSelector("a[href$='.csv']"))).extracting(link -> link.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/analytics/flags.csv"));
        browser.screenshot("analytics");
        assertThat(browser.accessibilityProblems()).as("axe-core on the analytics page").isEmpty();
    }

    @Test
    void signingInWorksFromTheKeyboardAlone() {
        browser.signOut().open("/signin");
        assertThat(browser.accessibilityProblems()).as("axe-core on the sign-in page").isEmpty();

        browser.find(By.id("email")).sendKeys(GRACE, org.openqa.selenium.Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(platform.demoPassword(GRACE), org.openqa.selenium.Keys.ENTER);

        await().atMost(Browser.PATIENCE).until(() -> browser.url().endsWith("/roster"));
        browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getText()).as("the first Tab offers to skip to the content").isEqualTo("Skip to content");
    }

    @Test
    void aClientSeesHerOwnPageButNotAnotherClientsOrTheRoster() {
        as(ADA);
        assertThat(browser.url()).endsWith("/clients/ada-lovelace");
        assertThat(browser.all(By.cssSelector("#heatmap tbody tr[data-principle]"))).hasSize(16);

        browser.open("/clients/alan-turing");
        assertThat(browser.text(By.tagName("main"))).contains("nothing here").doesNotContain("Principle coverage");
        assertThat(browser.pageSource()).doesNotContain("Principal Product Manager");

        browser.open("/roster");
        assertThat(browser.text(By.tagName("main"))).doesNotContain("alan-turing");
    }
}
