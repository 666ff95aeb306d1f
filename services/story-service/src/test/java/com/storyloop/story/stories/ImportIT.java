package com.storyloop.story.stories;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.story.StoryDrafted;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.story.support.StoryServiceIT;
import com.storyloop.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboarding a story document: all of it drafted in one go, or none of it with every problem and its line. */
class ImportIT extends StoryServiceIT {

    static final String MARKDOWN = """
            # Rolled back a conversion win
            Principles: CUSTOMER_OBSESSION, Dive Deep
            Project: checkout-2024

            ## Situation
            Conversion rose 4% after the redesign; screen-reader tickets tripled.
            ## Task
            I owned checkout quality.
            ## Action
            I rolled back for assistive-technology sessions and shipped a fix in a week.
            ## Result
            Tickets returned to baseline; conversion kept +3.6%.

            # Cut the approval queue
            Principles: INVENT_AND_SIMPLIFY, FRUGALITY
            I replaced a five-step manual approval with a risk threshold; reviewers now see 8% of requests.
            """;

    Response importDocument(String bankId, String contentType, String document) {
        return send("POST", "/api/banks/" + bankId + "/import", contentType, document.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void aMarkdownDocumentDraftsEveryStory() {
        String client = "client-" + UUID.randomUUID();
        String bankId = openBank(ORG, client, "coach-1");

        Response imported = importDocument(bankId, "text/markdown", MARKDOWN).assertStatus(201);

        assertThat(imported.json().get("drafted").asInt()).isEqualTo(2);
        JsonNode bank = get("/api/banks/" + bankId).json();
        assertThat(bank.get("stories").values()).extracting(s -> s.get("title").asString() + "/" + s.get("format").asString())
                .containsExactlyInAnyOrder("Rolled back a conversion win/STAR", "Cut the approval queue/TEXT");
        String storyId = imported.json().get("stories").get(0).get("storyId").asString();
        JsonNode story = get("/api/stories/" + storyId).json();
        assertThat(story.get("projectTag").asString()).isEqualTo("checkout-2024");
        assertThat(story.get("principles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER_OBSESSION", "DIVE_DEEP");
        assertThat(story.get("situation").asString()).isEqualTo("Conversion rose 4% after the redesign; screen-reader tickets tripled.");

        // each story a StoryDrafted in the event store and on story.events, keyed by the client, decodable
        assertThat(jdbc.queryForList("select event_type from events where partition_key = ? order by position", String.class, client))
                .containsExactly("StoryBankOpened", "StoryDrafted", "StoryDrafted");
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(
                Topics.STORY_EVENTS, read -> read.stream().filter(r -> client.equals(r.key())).count() >= 3,
                Duration.ofSeconds(60));
        assertThat(records.stream().filter(r -> client.equals(r.key())).map(r -> new EventCodec().decode(r.value())))
                .filteredOn(e -> e instanceof StoryDrafted)
                .extracting(e -> ((StoryDrafted) e).getTitle())
                .containsExactlyInAnyOrder("Rolled back a conversion win", "Cut the approval queue");
    }

    @Test
    void aJsonDocumentDraftsEveryStory() {
        String bankId = openBank();

        importDocument(bankId, "application/json", """
                {"stories": [
                  {"title": "One", "text": "A free-text story.", "principles": ["OWNERSHIP"]},
                  {"title": "Two", "situation": "s", "task": "t", "action": "a", "result": "r", "principles": [], "projectTag": "p"}
                ]}
                """).assertStatus(201);

        assertThat(get("/api/banks/" + bankId).json().get("storyCount").asInt()).isEqualTo(2);
    }

    @Test
    void anyProblemRefusesTheWholeImportListingEveryProblemWithItsLine() {
        String bankId = openBank();
        long before = eventCount();

        Response refused = importDocument(bankId, "text/markdown", """
                # Good story
                Principles: OWNERSHIP
                A fine free-text story.

                # %s
                Principles: OWNERSHIP, TEAMWORK
                ## Situation
                s
                ## Outcome
                o
                """.formatted("T".repeat(201)));

        refused.assertProblem(400, "stories[1].title");
        assertThat(refused.json().get("errors").values()).extracting(e -> e.get("field").asString() + "@" + e.get("line").asInt())
                .containsExactlyInAnyOrder("stories[1].title@5", "stories[1].principles[1]@6", "stories[1].document@9");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(get("/api/banks/" + bankId).json().get("storyCount").asInt()).isZero();
    }

    @Test
    void malformedJsonIsRefusedWithItsLine() {
        String bankId = openBank();

        Response refused = importDocument(bankId, "application/json", "{\"stories\": [\n  {\"title\": \"x\",, }\n]}");

        refused.assertProblem(400, "document");
        assertThat(refused.json().get("errors").get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void importingIntoAnUnknownBankIs404() {
        importDocument("no-such-bank", "text/markdown", MARKDOWN).assertProblem(404, null);
    }
}
