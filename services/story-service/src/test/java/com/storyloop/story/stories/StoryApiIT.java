package com.storyloop.story.stories;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.story.DeepDiveAttached;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRestored;
import com.storyloop.events.story.StoryRetired;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.story.support.StoryServiceIT;
import com.storyloop.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** Every story endpoint through HTTP: HTTP in, rows in the event store, records on story.events keyed by the client. */
class StoryApiIT extends StoryServiceIT {

    @Autowired
    EventCodec codec;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aStoryLivesThroughEveryCommandAndEachChangeReachesKafkaKeyedByItsClient() {
        String bankId = openBank();
        String clientId = get("/api/banks/" + bankId).json().get("clientId").asString();

        Response drafted = draft(bankId, with(starStory("Rolled back a conversion win"), "projectTag", "checkout-2024"));
        String storyId = drafted.json().get("storyId").asString();
        assertThat(drafted.header("Location")).isEqualTo("/api/stories/" + storyId);
        assertThat(drafted.etag()).isEqualTo("\"1\"");
        assertThat(drafted.json().get("bankId").asString()).isEqualTo(bankId);
        assertThat(drafted.json().get("revision").asInt()).isEqualTo(1);

        Response revised = postIfMatch("/api/stories/" + storyId + "/revisions",
                with(with(starStory("Rolled back a conversion win for screen-reader users"), "projectTag", "checkout-2024"), "note",
                        "the title names the customers"), drafted.etag()).assertStatus(201);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        assertThat(revised.etag()).isEqualTo("\"2\"");
        assertThat(revised.header("Location")).isEqualTo("/api/stories/" + storyId + "/revisions/2");

        Response claimed = putIfMatch("/api/stories/" + storyId + "/principles", Map.of("principles", List.of("CUSTOMER_OBSESSION", "OWNERSHIP")),
                revised.etag()).assertStatus(200);
        assertThat(claimed.etag()).isEqualTo("\"3\"");

        Response attached = putIfMatch("/api/stories/" + storyId + "/deep-dive", Map.of("sections", List.of(
                Map.of("heading", "Exact metrics", "text", "Tickets 120/week -> 38/week; conversion +3.6% (A/B, 1.2M sessions)"),
                Map.of("heading", "Architecture", "text", "Feature flag per assistive-technology session"))), claimed.etag()).assertStatus(200);
        Response retired = postIfMatch("/api/stories/" + storyId + "/retire", Map.of("reason", "too close to story 2"), attached.etag())
                .assertStatus(200);
        assertThat(retired.json().get("retired").asBoolean()).isTrue();
        Response restored = postIfMatch("/api/stories/" + storyId + "/restore", null, retired.etag()).assertStatus(200);
        assertThat(restored.etag()).isEqualTo("\"6\"");

        JsonNode story = get("/api/stories/" + storyId).assertStatus(200).json();
        assertThat(story.get("version").asLong()).isEqualTo(6);
        assertThat(story.get("revision").asInt()).isEqualTo(2);
        assertThat(story.get("title").asString()).isEqualTo("Rolled back a conversion win for screen-reader users");
        assertThat(story.get("principles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER_OBSESSION", "OWNERSHIP");
        assertThat(story.get("deepDive").values()).extracting(s -> s.get("heading").asString()).containsExactly("Exact metrics", "Architecture");
        assertThat(story.get("retired").asBoolean()).isFalse();
        assertThat(story.get("revisions").values()).extracting(r -> r.get("revision").asInt()).containsExactly(1, 2);
        assertThat(story.get("revisions").get(1).get("note").asString()).isEqualTo("the title names the customers");

        // rows in the event store, in stream order
        assertThat(jdbc.queryForList("select event_type from events where stream_id = ? order by stream_version", String.class, storyId))
                .containsExactly("StoryDrafted", "StoryRevised", "PrinciplesClaimed", "DeepDiveAttached", "StoryRetired", "StoryRestored");

        // records on story.events, keyed by the client, decodable, in order
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.STORY_EVENTS,
                read -> read.stream().filter(r -> clientId.equals(r.key())).count() >= 7, Duration.ofSeconds(60));
        List<SpecificRecord> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (clientId.equals(record.key())) {
                SpecificRecord event = codec.decode(record.value());
                if (storyId.equals(EventCodec.metadataOf(event).getStreamId())) {
                    events.add(event);
                }
            }
        }
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("StoryDrafted", "StoryRevised", "PrinciplesClaimed", "DeepDiveAttached", "StoryRetired", "StoryRestored");
        assertThat(events).extracting(e -> EventCodec.metadataOf(e).getStreamVersion()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        EventMetadata metadata = EventCodec.metadataOf(events.get(0));
        assertThat(metadata.getOrgId()).isEqualTo("org-it");
        assertThat(metadata.getClientId()).isEqualTo(clientId);
        StoryDrafted draftEvent = (StoryDrafted) events.get(0);
        assertThat(draftEvent.getBankId()).isEqualTo(bankId);
        assertThat(draftEvent.getProjectTag()).isEqualTo("checkout-2024");
        assertThat(draftEvent.getText()).isNull();
        assertThat(((StoryRevised) events.get(1)).getRevision()).isEqualTo(2);
        assertThat(((StoryRevised) events.get(1)).getNote()).isEqualTo("the title names the customers");
        assertThat(((PrinciplesClaimed) events.get(2)).getRevision()).isEqualTo(2);
        assertThat(((DeepDiveAttached) events.get(3)).getSections()).hasSize(2);
        assertThat(((StoryRetired) events.get(4)).getReason()).isEqualTo("too close to story 2");
        assertThat(events.get(5)).isInstanceOf(StoryRestored.class);
    }

    @Test
    void anyPastRevisionReadsBackAndTheDiffShowsWhatChangedPerSection() {
        String bankId = openBank();
        Response drafted = draft(bankId, starStory("Checkout"));
        String storyId = drafted.json().get("storyId").asString();
        postIfMatch("/api/stories/" + storyId + "/revisions",
                with(with(starStory("Checkout"), "action", "I rolled back the redesign for screen-reader users and shipped an accessible fix in five days."),
                        "principles", List.of("CUSTOMER_OBSESSION")), drafted.etag()).assertStatus(201);

        JsonNode first = get("/api/stories/" + storyId + "/revisions/1").assertStatus(200).json();
        assertThat(first.get("action").asString()).isEqualTo(starStory("Checkout").get("action"));
        assertThat(first.get("latest").asBoolean()).isFalse();
        assertThat(first.get("format").asString()).isEqualTo("STAR");

        JsonNode diff = get("/api/stories/" + storyId + "/diff?from=1&to=2").assertStatus(200).json();
        Map<String, String> status = new java.util.HashMap<>();
        diff.get("sections").values().forEach(s -> status.put(s.get("section").asString(), s.get("status").asString()));
        assertThat(status).containsEntry("title", "UNCHANGED").containsEntry("situation", "UNCHANGED").containsEntry("action", "CHANGED");
        JsonNode action = diff.get("sections").values().stream().filter(s -> s.get("section").asString().equals("action")).findFirst().orElseThrow();
        assertThat(action.get("changes").values()).extracting(c -> c.get("op").asString() + ":" + c.get("text").asString())
                .contains("DELETE:assistive-technology sessions", "INSERT:screen-reader users", "DELETE:a week.", "INSERT:five days.");
        assertThat(diff.get("principlesRemoved").values()).extracting(JsonNode::asString).containsExactly("DIVE_DEEP");
        assertThat(get("/api/stories/" + storyId + "/diff").json().get("from").asInt()).as("defaults to the latest change").isEqualTo(1);
    }

    @Test
    void theBankShowsEachStorysLatestRevisionAndChangesOfTheBankItselfNeedIfMatch() {
        String bankId = openBank();
        Response one = draft(bankId, starStory("One"));
        draft(bankId, Map.of("title", "Two", "text", "A free-text story in five words.", "principles", List.of("FRUGALITY")));
        postIfMatch("/api/stories/" + one.json().get("storyId").asString() + "/revisions", starStory("One, revised"), one.etag())
                .assertStatus(201);

        Response bank = get("/api/banks/" + bankId).assertStatus(200);
        JsonNode stories = bank.json().get("stories");
        assertThat(stories.values()).extracting(s -> s.get("title").asString() + "@" + s.get("revision").asInt() + "/" + s.get("format").asString())
                .containsExactly("One, revised@2/STAR", "Two@1/TEXT");
        assertThat(stories.get(1).get("wordCount").asInt()).isEqualTo(6);
        assertThat(stories.get(1).get("principles").values()).extracting(JsonNode::asString).containsExactly("FRUGALITY");
        assertThat(bank.json().get("storyCount").asInt()).isEqualTo(2);
        assertThat(bank.etag()).isEqualTo("\"1\"");

        Response moved = putIfMatch("/api/banks/" + bankId + "/interview-date", Map.of("interviewDate", "2027-04-02"), bank.etag()).assertStatus(200);
        assertThat(moved.etag()).isEqualTo("\"2\"");
        Response coached = putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-2"), moved.etag()).assertStatus(200);
        JsonNode changed = get("/api/banks/" + bankId).json();
        assertThat(changed.get("interviewDate").asString()).isEqualTo("2027-04-02");
        assertThat(changed.get("coachId").asString()).isEqualTo("coach-2");
        assertThat(coached.etag()).isEqualTo("\"3\"");
        assertThat(jdbc.queryForList("select event_type from events where stream_id = ? order by stream_version", String.class, bankId))
                .containsExactly("StoryBankOpened", "InterviewDateSet", "CoachAssigned");

        putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-3"), moved.etag()).assertProblem(412, "If-Match");
        putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-2"), coached.etag()).assertProblem(409, "coachId");
        putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-3"), null).assertProblem(428, "If-Match");
        assertThat(eventCount(bankId)).isEqualTo(3);
    }

    @Test
    void theOpenApiDescriptionIsServedAndListsEveryEndpointTheCodeMaps() {
        Response docs = get("/v3/api-docs").assertStatus(200);
        JsonNode paths = docs.json().get("paths");

        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name().toLowerCase() + " " + pattern));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(path -> path.getValue().propertyNames().forEach(method -> documented.add(method + " " + path.getKey())));

        assertThat(mapped).contains("post /api/banks/{bankId}/stories", "post /api/stories/{storyId}/revisions", "get /api/stories/{storyId}/diff",
                "post /api/banks/{bankId}/import", "put /api/stories/{storyId}/deep-dive");
        assertThat(documented).isEqualTo(mapped);
        assertThat(docs.body()).contains("ReviseStoryRequest").contains("\"note\"").contains("text/markdown");
        assertThat(docs.body()).as("the caller comes from the token, not from a parameter").doesNotContain("\"name\":\"caller\"");

        // what the code answers, not the generator's defaults: 201 with Location and ETag, 412/428 around If-Match, Idempotency-Key
        JsonNode draft = paths.get("/api/banks/{bankId}/stories").get("post");
        assertThat(draft.get("responses").propertyNames()).contains("201").doesNotContain("200");
        assertThat(draft.get("responses").get("201").get("headers").propertyNames()).contains("Location", "ETag");
        assertThat(draft.get("parameters").values()).extracting(p -> p.get("name").asString()).contains("Idempotency-Key");
        JsonNode revise = paths.get("/api/stories/{storyId}/revisions").get("post");
        assertThat(revise.get("responses").propertyNames()).contains("201", "412", "428");
        assertThat(revise.get("parameters").values()).filteredOn(p -> p.get("name").asString().equals("If-Match"))
                .singleElement().satisfies(p -> assertThat(p.get("required").asBoolean()).isTrue());
        assertThat(paths.get("/api/banks").get("post").get("responses").propertyNames()).contains("201").doesNotContain("200");
        assertThat(paths.get("/api/stories/{storyId}/principles").get("put").get("responses").propertyNames()).contains("200", "412", "428");
    }
}
