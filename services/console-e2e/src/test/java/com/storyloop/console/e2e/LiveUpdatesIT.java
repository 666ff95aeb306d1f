package com.storyloop.console.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach has a client's page open while the bank changes elsewhere (here through the story API, as another coach or
 * the client would): the page shows the change by itself, over server-sent events, without a reload.
 */
class LiveUpdatesIT extends BrowserTest {

    static final Pattern FIRST_STORY = Pattern.compile("\"storyId\":\"([^\"]+)\",\"title\":\"[^\"]*\",\"revision\":\\d+,\"version\":(\\d+)");

    @Test
    void anOpenClientPageShowsAChangeMadeElsewhereWithoutAReload() throws Exception {
        as(GRACE).open("/clients/alan-turing");
        browser.find(By.id("stories"));
        browser.script("window.storyloopSamePage = 'yes';");

        HttpClient http = HttpClient.newHttpClient();
        String token = platform.tokenFor(GRACE);
        String bank = http.send(HttpRequest.newBuilder(URI.create(platform.serviceUrl("story-service") + "/api/clients/alan-turing/bank"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher story = FIRST_STORY.matcher(bank);
        assertThat(story.find()).as(bank).isTrue();
        HttpResponse<String> claimed = http.send(HttpRequest.newBuilder(
                        URI.create(platform.serviceUrl("story-service") + "/api/stories/" + story.group(1) + "/principles"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Match", "\"" + story.group(2) + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"principles\": [\"EARN_TRUST\", \"DIVE_DEEP\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);

        await().atMost(Browser.PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.driver().findElement(By.cssSelector("#stories tr[data-story='" + story.group(1) + "']")).getText())
                        .contains("EARN_TRUST, DIVE_DEEP"));
        assertThat(browser.script("return window.storyloopSamePage;")).as("the page was never reloaded").isEqualTo("yes");
    }
}
