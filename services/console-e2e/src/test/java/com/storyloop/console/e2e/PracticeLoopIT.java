package com.storyloop.console.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach plans a mock loop for her client (the planner's assignment and warnings are shown before it starts), runs its
 * first question with the timer, a probe and a rating, and completes it; a client plans a self-practice loop.
 */
class PracticeLoopIT extends BrowserTest {

    @Test
    void aCoachPlansRunsAndCompletesALoop() {
        as(GRACE).open("/clients/ada-lovelace/practice");
        browser.type(By.id("interviews"), "2");
        browser.type(By.id("perInterview"), "2");
        browser.find(By.cssSelector("#plan-form button[type=submit]")).click();

        WebElement plan = browser.find(By.id("plan"));
        assertThat(browser.all(By.cssSelector("#plan .plan-slot[data-slot]"))).hasSize(4);
        assertThat(plan.getText()).as("the demo bank of 3 stories cannot fill every slot without warnings")
                .isNotBlank();
        assertThat(browser.all(By.cssSelector("#plan .plan-warning, #plan .plan-gap"))).isNotEmpty();

        browser.find(By.cssSelector("#start-loop button[type=submit]")).click();
        await().atMost(Browser.PATIENCE).until(() -> browser.url().contains("/loops/"));

        browser.find(By.cssSelector("#ask-form input[name=questionId]")).click();
        browser.find(By.cssSelector("#ask-form button[type=submit]")).click();
        WebElement timer = browser.find(By.cssSelector("#answer-form .timer"));
        await().atMost(Browser.PATIENCE).until(() -> !timer.getText().equals("0:00"));
        await().atMost(Browser.PATIENCE).untilAsserted(() -> assertThat(Integer.parseInt(browser.find(By.id("duration")).getAttribute("value")))
                .as("the timer fills in the length").isPositive());
        browser.screenshot("practice");
        assertThat(browser.accessibilityProblems()).as("axe-core on a running loop").isEmpty();

        answerWith(150);
        assertThat(browser.find(By.cssSelector(".answer-analysis .timing")).getText()).isNotBlank();

        new Select(browser.find(By.cssSelector("form.rating-form select[name=rating]"))).selectByValue("INCLINED");
        browser.find(By.cssSelector("form.rating-form button[type=submit]")).click();
        await().atMost(Browser.PATIENCE).untilAsserted(() ->
                assertThat(browser.all(By.cssSelector("article.slot[data-state='RATED']"))).hasSize(1));

        browser.find(By.cssSelector("#complete-loop button[type=submit]")).click();
        WebElement summary = browser.find(By.id("loop-summary"));
        assertThat(summary.getText().toLowerCase(java.util.Locale.ROOT)).as("the rating given, in words").contains("inclined");
        assertThat(browser.all(By.cssSelector("#loop-summary .summary-principles, #loop-summary .summary-stories"))).isNotEmpty();
    }

    @Test
    void aClientPlansASelfPracticeLoopWithoutRatings() {
        as(ADA).open("/clients/ada-lovelace/practice");
        assertThat(browser.find(By.id("selfPractice")).isSelected()).as("clients practise alone").isTrue();
        browser.find(By.cssSelector("#plan-form button[type=submit]")).click();
        browser.find(By.id("plan"));
        browser.find(By.cssSelector("#start-loop button[type=submit]")).click();
        await().atMost(Browser.PATIENCE).until(() -> browser.url().contains("/loops/"));
        browser.find(By.cssSelector("#ask-form input[name=questionId]")).click();
        browser.find(By.cssSelector("#ask-form button[type=submit]")).click();
        browser.find(By.cssSelector("#answer-form .timer"));

        answerWith(300);

        assertThat(browser.find(By.cssSelector(".answer-analysis .timing")).getAttribute("class")).as("over 240 s is flagged").contains("flagged");
        List<WebElement> ratingForms = browser.all(By.cssSelector("form.rating-form"));
        assertThat(ratingForms).as("no interviewer rates a self-practice loop, even once it is answered").isEmpty();
    }

    /** Sets the length as a user would overwrite the running timer's value, then records the answer. */
    private static void answerWith(int seconds) {
        WebElement duration = browser.find(By.id("duration"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", duration,
                Integer.toString(seconds));
        browser.find(By.cssSelector("#answer-form button[type=submit]")).click();
        browser.find(By.cssSelector(".answer-analysis .timing"));
    }
}
