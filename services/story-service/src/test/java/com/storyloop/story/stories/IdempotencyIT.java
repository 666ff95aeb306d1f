package com.storyloop.story.stories;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.storyloop.story.support.StoryServiceIT;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on every POST: a retry gets the first response back and appends nothing. */
class IdempotencyIT extends StoryServiceIT {

    Response postWithKey(String path, Object body, String key, String ifMatch) {
        Map<String, String> headers = ifMatch == null ? Map.of("Idempotency-Key", key) : Map.of("Idempotency-Key", key, "If-Match", ifMatch);
        return send("POST", path, body, headers);
    }

    @Test
    void aRetriedDraftReturnsTheFirstResponseAndAppendsNothing() {
        String bankId = openBank();
        String key = UUID.randomUUID().toString();

        Response first = postWithKey("/api/banks/" + bankId + "/stories", starStory("Retried"), key, null).assertStatus(201);
        long events = eventCount();
        Response retry = postWithKey("/api/banks/" + bankId + "/stories", starStory("Retried"), key, null).assertStatus(201);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(get("/api/banks/" + bankId).json().get("storyCount").asInt()).isEqualTo(1);
    }

    @Test
    void aKeyIsItsCallersOwnSoNobodyElseGetsTheirResponseReplayed() {
        // given the admin drafted a story with a key
        String bankId = openBank();
        String clientId = get("/api/banks/" + bankId).json().get("clientId").asString();
        String key = UUID.randomUUID().toString();
        Response first = postWithKey("/api/banks/" + bankId + "/stories", starStory("Keyed"), key, null).assertStatus(201);
        long events = eventCount();

        // when an admin of another organisation sends the very same request, then they are refused, not replayed the story
        Response outsider = as(TestTokens.orgAdmin("org-other-" + UUID.randomUUID()),
                () -> postWithKey("/api/banks/" + bankId + "/stories", starStory("Keyed"), key, null));
        outsider.assertProblem(404, null);
        assertThat(outsider.body()).doesNotContain(first.json().get("storyId").asString());
        assertThat(eventCount()).isEqualTo(events);

        // and the bank's client reusing the key drafts a story of their own
        Response client = as(TestTokens.client(ORG, clientId), () -> postWithKey("/api/banks/" + bankId + "/stories", starStory("Keyed"), key, null))
                .assertStatus(201);
        assertThat(client.header("Idempotent-Replayed")).isNull();
        assertThat(client.json().get("storyId").asString()).isNotEqualTo(first.json().get("storyId").asString());
        assertThat(get("/api/banks/" + bankId).json().get("storyCount").asInt()).isEqualTo(2);
    }

    @Test
    void aRetriedRevisionIsReplayedEvenThoughItsIfMatchIsNowStale() {
        String bankId = openBank();
        Response drafted = draft(bankId, starStory("Revised once"));
        String storyId = drafted.json().get("storyId").asString();
        String key = UUID.randomUUID().toString();

        Response first = postWithKey("/api/stories/" + storyId + "/revisions", starStory("Revised once, really"), key, drafted.etag())
                .assertStatus(201);
        Response retry = postWithKey("/api/stories/" + storyId + "/revisions", starStory("Revised once, really"), key, drafted.etag())
                .assertStatus(201);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventCount(storyId)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndAppendsNothing() {
        String bankId = openBank();
        String key = UUID.randomUUID().toString();
        postWithKey("/api/banks/" + bankId + "/stories", starStory("First use"), key, null).assertStatus(201);
        long events = eventCount();

        Response reused = postWithKey("/api/banks/" + bankId + "/stories", starStory("Another story"), key, null);

        reused.assertProblem(422, null);
        assertThat(reused.json().get("detail").asString()).contains(key);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusedRequestIsNotRememberedSoTheFixedRequestCanUseTheKey() {
        String bankId = openBank();
        String key = UUID.randomUUID().toString();

        postWithKey("/api/banks/" + bankId + "/stories", with(starStory("x"), "title", ""), key, null).assertProblem(400, "title");
        Response fixed = postWithKey("/api/banks/" + bankId + "/stories", starStory("x"), key, null);

        // a different body under the same key: allowed here because the failed attempt left nothing behind
        fixed.assertStatus(201);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void concurrentRetriesOfOneRequestDraftOneStory() throws Exception {
        String bankId = openBank();
        String key = UUID.randomUUID().toString();
        long events = eventCount();

        List<CompletableFuture<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> postWithKey("/api/banks/" + bankId + "/stories", starStory("Once"), key, null)));
        }
        List<String> bodies = new ArrayList<>();
        for (CompletableFuture<Response> attempt : attempts) {
            bodies.add(attempt.get(30, TimeUnit.SECONDS).assertStatus(201).body());
        }

        assertThat(bodies).containsOnly(bodies.get(0));
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void everyPostHonoursTheKey() {
        String key = UUID.randomUUID().toString();
        String client = "client-" + UUID.randomUUID();
        Map<String, Object> bank = Map.of("orgId", "org-it", "clientId", client, "targetRole", "PM", "targetLevel", "L5");
        Response opened = postWithKey("/api/banks", bank, key, null).assertStatus(201);
        postWithKey("/api/banks", bank, key, null).assertStatus(201);
        String bankId = opened.json().get("bankId").asString();

        Response drafted = draft(bankId, starStory("Retire me"));
        String storyId = drafted.json().get("storyId").asString();
        String retireKey = UUID.randomUUID().toString();
        postWithKey("/api/stories/" + storyId + "/retire", Map.of("reason", "duplicate"), retireKey, drafted.etag()).assertStatus(200);
        postWithKey("/api/stories/" + storyId + "/retire", Map.of("reason", "duplicate"), retireKey, drafted.etag()).assertStatus(200);
        String restoreKey = UUID.randomUUID().toString();
        postWithKey("/api/stories/" + storyId + "/restore", null, restoreKey, "\"2\"").assertStatus(200);
        postWithKey("/api/stories/" + storyId + "/restore", null, restoreKey, "\"2\"").assertStatus(200);

        String importKey = UUID.randomUUID().toString();
        byte[] markdown = "# Imported once\nJust one story.\n".getBytes(StandardCharsets.UTF_8);
        send("POST", "/api/banks/" + bankId + "/import", "text/markdown", markdown, Map.of("Idempotency-Key", importKey)).assertStatus(201);
        send("POST", "/api/banks/" + bankId + "/import", "text/markdown", markdown, Map.of("Idempotency-Key", importKey)).assertStatus(201);

        assertThat(eventCount(bankId)).isEqualTo(1);
        assertThat(eventCount(storyId)).isEqualTo(3);
        assertThat(get("/api/banks/" + bankId).json().get("storyCount").asInt()).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsAProblemNamingTheHeader() {
        String bankId = openBank();

        send("POST", "/api/banks/" + bankId + "/stories", starStory("x"), Map.of("Idempotency-Key", "has spaces in it"))
                .assertProblem(400, "Idempotency-Key");
    }
}
