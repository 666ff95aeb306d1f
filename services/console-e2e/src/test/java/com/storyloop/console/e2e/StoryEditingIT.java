package com.storyloop.console.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client edits a story: the live preview flags a "we"-heavy Action with its sentences highlighted while she types;
 * saving creates a revision, and the scored revision appears in the history and the chart without a reload.
 */
class StoryEditingIT extends BrowserTest {

    static final String WE_HEAVY = "We looked at the tickets together. We agreed to rebuild the form. We tested it with screen readers and we shipped it.";

    @Test
    void thePreviewFlagsAWeHeavyActionAndASaveShowsTheNewScoredRevisionWithoutAReload() {
        as(ADA);
        browser.find(By.cssSelector("#stories tbody tr a")).click();
        WebElement title = browser.find(By.id("story-title"));
        assertThat(title.getText()).isNotBlank();
        int before = browser.all(By.cssSelector("#story-progress tr[data-revision]")).size();
        assertThat(before).as("the demo story's revisions").isGreaterThan(0);
        browser.script("window.storyloopSamePage = 'yes';");

        browser.type(By.id("action"), WE_HEAVY);

        WebElement royalWe = browser.find(By.cssSelector("#preview li[data-flag='ROYAL_WE']"));
        assertThat(royalWe.getText()).contains("ROYAL_WE");
        await().atMost(Browser.PATIENCE).untilAsserted(() -> assertThat(browser.all(By.cssSelector("#preview mark.evidence")))
                .extracting(WebElement::getText).anySatisfy(text -> assertThat(text).contains("We agreed to rebuild the form")));
        browser.screenshot("story");
        assertThat(browser.accessibilityProblems()).as("axe-core on the story page").isEmpty();

        browser.find(By.cssSelector("#editor-form button[type=submit]")).click();

        WebElement saved = browser.find(By.cssSelector("#save-status [data-saved-revision]"));
        String revision = saved.getAttribute("data-saved-revision");
        assertThat(saved.getText()).contains("Saved revision " + revision);
        // the engine scores the revision asynchronously; the history row and its score arrive by themselves
        await().atMost(Browser.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            WebElement row = browser.driver().findElement(By.cssSelector("#story-progress tr[data-revision='" + revision + "']"));
            assertThat(row.getAttribute("data-overall")).isNotBlank();
        });
        assertThat(browser.all(By.cssSelector("#story-progress tr[data-revision]"))).hasSize(before + 1);
        assertThat(browser.script("return window.storyloopSamePage;")).as("the page was never reloaded").isEqualTo("yes");
        assertThat(browser.find(By.id("action")).getAttribute("value")).isEqualTo(WE_HEAVY);
    }

    @Test
    void aRefusedSaveKeepsTheTextAndSaysWhichFieldIsWrong() {
        as(ADA);
        browser.find(By.cssSelector("#stories tbody tr a")).click();
        browser.find(By.id("story-title"));
        browser.type(By.id("title"), "");
        browser.type(By.id("result"), "A result I wrote and do not want to lose.");

        browser.find(By.cssSelector("#editor-form button[type=submit]")).click();

        WebElement titleError = browser.find(By.id("err-title"));
        assertThat(titleError.getText()).isNotBlank();
        assertThat(browser.find(By.id("result")).getAttribute("value")).isEqualTo("A result I wrote and do not want to lose.");
    }
}
