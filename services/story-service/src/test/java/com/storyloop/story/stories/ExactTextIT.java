package com.storyloop.story.stories;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.story.support.StoryServiceIT;
import com.storyloop.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing is ever normalised: any revision reads back byte for byte, whatever the script, and so does the event. */
class ExactTextIT extends StoryServiceIT {

    @Autowired
    EventCodec codec;

    // emoji with skin tone and ZWJ, a flag, Arabic and Hebrew (right to left) with a bidi mark, decomposed accents
    // (e + combining acute, NFD on purpose), Devanagari with a virama, CRLF and lone CR line endings, tabs, trailing spaces
    static final String SITUATION = "Launch day 🚀👩🏽‍💻🇯🇵\r\nالعملاء غاضبون\u200F — לקוחות\r\n";
    static final String TASK = "Re\u0301sume\u0301 the cafe\u0301 rollout: नमस्ते\tthen stop.\r";
    static final String ACTION = "Line one  \r\n\r\n\tIndented line two\n";
    static final String RESULT = "Ǆ ǅ ǆ — ﬁ ligature, Å (U+212B) not Å, zero\u200Bwidth";

    @Test
    void unusualTextRoundTripsByteExactThroughRevisionReadsAndEvents() {
        String bankId = openBank();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", "Ünïcödé 👍🏾 عنوان");
        draft.put("situation", "plain first draft");
        draft.put("task", "t");
        draft.put("action", "a");
        draft.put("result", "r");
        draft.put("principles", List.of("EARN_TRUST"));
        Response drafted = draft(bankId, draft);
        String storyId = drafted.json().get("storyId").asString();

        Map<String, Object> exact = new LinkedHashMap<>(draft);
        exact.put("situation", SITUATION);
        exact.put("task", TASK);
        exact.put("action", ACTION);
        exact.put("result", RESULT);
        exact.put("note", "note with 🧪 and\r\nCRLF");
        postIfMatch("/api/stories/" + storyId + "/revisions", exact, drafted.etag()).assertStatus(201);
        Map<String, Object> freeText = Map.of("title", "שלום 👋", "text", SITUATION + TASK + ACTION + RESULT, "principles", List.of());
        postIfMatch("/api/stories/" + storyId + "/revisions", freeText, "\"2\"").assertStatus(201);

        JsonNode two = get("/api/stories/" + storyId + "/revisions/2").assertStatus(200).json();
        assertSameBytes(two.get("title").asString(), "Ünïcödé 👍🏾 عنوان");
        assertSameBytes(two.get("situation").asString(), SITUATION);
        assertSameBytes(two.get("task").asString(), TASK);
        assertSameBytes(two.get("action").asString(), ACTION);
        assertSameBytes(two.get("result").asString(), RESULT);
        assertSameBytes(two.get("note").asString(), "note with 🧪 and\r\nCRLF");
        JsonNode three = get("/api/stories/" + storyId + "/revisions/3").json();
        assertSameBytes(three.get("title").asString(), "שלום 👋");
        assertSameBytes(three.get("text").asString(), SITUATION + TASK + ACTION + RESULT);
        assertThat(three.get("situation").isNull()).isTrue();
        assertSameBytes(get("/api/stories/" + storyId + "/revisions/1").json().get("title").asString(), "Ünïcödé 👍🏾 عنوان");

        String clientId = get("/api/banks/" + bankId).json().get("clientId").asString();
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.STORY_EVENTS,
                read -> read.stream().filter(r -> clientId.equals(r.key())).count() >= 4, Duration.ofSeconds(60));
        StoryRevised revised = records.stream().filter(r -> clientId.equals(r.key())).map(r -> codec.decode(r.value()))
                .filter(e -> e instanceof StoryRevised r && r.getRevision() == 2).map(e -> (StoryRevised) e).findFirst().orElseThrow();
        assertSameBytes(revised.getSituation(), SITUATION);
        assertSameBytes(revised.getTask(), TASK);
        assertSameBytes(revised.getResult(), RESULT);
    }

    @Test
    void aRevisionThatDiffersOnlyInLineEndingsIsARealRevisionAndTheDiffShowsIt() {
        String bankId = openBank();
        Map<String, Object> lf = Map.of("title", "Line endings", "text", "one\ntwo\n", "principles", List.of());
        Response drafted = draft(bankId, lf);
        String storyId = drafted.json().get("storyId").asString();

        postIfMatch("/api/stories/" + storyId + "/revisions", Map.of("title", "Line endings", "text", "one\r\ntwo\r\n", "principles", List.of()),
                drafted.etag()).assertStatus(201);

        JsonNode text = get("/api/stories/" + storyId + "/diff?from=1&to=2").json().get("sections").get(1);
        assertThat(text.get("section").asString()).isEqualTo("text");
        assertThat(text.get("status").asString()).isEqualTo("CHANGED");
    }

    static void assertSameBytes(String actual, String expected) {
        assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
}
