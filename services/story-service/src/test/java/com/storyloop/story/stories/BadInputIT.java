package com.storyloop.story.stories;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.storyloop.story.support.StoryServiceIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input gets the right 4xx as a problem detail naming the field, and nothing is appended. */
class BadInputIT extends StoryServiceIT {

    String bankId;
    String storyId;
    String etag;
    long eventsBefore;

    @BeforeEach
    void aBankWithOneStory() {
        bankId = openBank();
        Response drafted = draft(bankId, starStory("The story under test"));
        storyId = drafted.json().get("storyId").asString();
        etag = drafted.etag();
        eventsBefore = eventCount();
    }

    void nothingAppended() {
        assertThat(eventCount()).as("events appended").isEqualTo(eventsBefore);
    }

    String drafts() {
        return "/api/banks/" + bankId + "/stories";
    }

    String revisions() {
        return "/api/stories/" + storyId + "/revisions";
    }

    @Test
    void eachLimitExceededIsA400NamingItsField() {
        post(drafts(), with(starStory("x"), "title", "T".repeat(201))).assertProblem(400, "title");
        post(drafts(), with(starStory("x"), "action", "a".repeat(8_001))).assertProblem(400, "action");
        String sevenThousand = "s".repeat(7_000);
        post(drafts(), with(with(with(starStory("x"), "situation", sevenThousand), "task", sevenThousand), "action", sevenThousand))
                .assertProblem(400, "story");
        post(drafts(), Map.of("title", "x", "text", "w".repeat(20_001))).assertProblem(400, "text");
        List<String> seventeen = new ArrayList<>(List.of("CUSTOMER_OBSESSION", "OWNERSHIP", "INVENT_AND_SIMPLIFY", "ARE_RIGHT_A_LOT",
                "LEARN_AND_BE_CURIOUS", "HIRE_AND_DEVELOP", "HIGHEST_STANDARDS", "THINK_BIG", "BIAS_FOR_ACTION", "FRUGALITY", "EARN_TRUST",
                "DIVE_DEEP", "BACKBONE", "DELIVER_RESULTS", "EARTHS_BEST_EMPLOYER", "BROAD_RESPONSIBILITY", "OWNERSHIP"));
        post(drafts(), with(starStory("x"), "principles", seventeen)).assertProblem(400, "principles");
        postIfMatch(revisions(), with(starStory("x"), "title", "T".repeat(201)), etag).assertProblem(400, "title");
        postIfMatch(revisions(), with(starStory("x"), "note", "n".repeat(2_001)), etag).assertProblem(400, "note");
        nothingAppended();
    }

    @Test
    void everyProblemOfOneRequestIsListed() {
        Response response = post(drafts(), Map.of("title", "", "situation", "s".repeat(8_001), "principles", List.of("BE_NICE")));

        response.assertProblem(400, "title");
        assertThat(response.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactly("title", "situation", "principles[0]");
        nothingAppended();
    }

    @Test
    void anUnknownPrincipleCodeIsA400NamingItsPosition() {
        post(drafts(), with(starStory("x"), "principles", List.of("OWNERSHIP", "GRIT"))).assertProblem(400, "principles[1]");
        putIfMatch("/api/stories/" + storyId + "/principles", Map.of("principles", List.of("TEAMWORK")), etag).assertProblem(400, "principles[0]");
        nothingAppended();
    }

    @Test
    void aValueOfTheWrongKindIsA400NamingItsFieldAndWhatItShouldBe() {
        Map<String, Object> bank = Map.of("orgId", ORG, "clientId", "client-kinds", "targetRole", "PM", "targetLevel", "L9");
        Response level = post("/api/banks", bank);
        level.assertProblem(400, "targetLevel");
        assertThat(level.json().get("errors").get(0).get("message").asString()).isEqualTo("'L9' is not one of L4, L5, L6, L7, L8");

        post("/api/banks", with(with(bank, "targetLevel", "L6"), "interviewDate", "next week")).assertProblem(400, "interviewDate");
        post(drafts(), with(starStory("x"), "principles", "OWNERSHIP")).assertProblem(400, "principles");
        post(drafts(), with(starStory("x"), "title", Map.of("text", "x"))).assertProblem(400, "title");
        nothingAppended();
    }

    @Test
    void malformedJsonIsA400() {
        Response response = send("POST", drafts(), "application/json", "{\"title\": \"x\",".getBytes(StandardCharsets.UTF_8), Map.of());

        response.assertProblem(400, null);
        assertThat(response.json().get("title").asString()).isEqualTo("Malformed request body");
        send("POST", revisions(), "application/json", "[1, 2]".getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag)).assertProblem(400, null);
        nothingAppended();
    }

    @Test
    void aWrongContentTypeIsA415() {
        send("POST", drafts(), "text/plain", "title: x".getBytes(StandardCharsets.UTF_8), Map.of()).assertProblem(415, null);
        send("POST", revisions(), "application/xml", "<story/>".getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag))
                .assertProblem(415, null);
        send("POST", "/api/banks/" + bankId + "/import", "application/pdf", new byte[] {1, 2}, Map.of()).assertProblem(415, null);
        nothingAppended();
    }

    @Test
    void unknownIdsAre404() {
        post("/api/banks/no-such-bank/stories", starStory("x")).assertProblem(404, null);
        postIfMatch("/api/stories/no-such-story/revisions", starStory("x"), "\"1\"").assertProblem(404, null);
        get("/api/stories/no-such-story").assertProblem(404, null);
        get("/api/stories/" + storyId + "/revisions/2").assertProblem(404, null);
        get("/api/stories/" + storyId + "/revisions/0").assertProblem(404, null);
        get("/api/stories/" + storyId + "/diff?from=1&to=9").assertProblem(404, null);
        get("/api/banks/" + storyId).assertProblem(404, null);
        get("/api/stories/" + bankId).assertProblem(404, null);
        get("/api/banks/no-such-bank").assertProblem(404, null);
        get("/api/clients/nobody/bank").assertProblem(404, null);
        nothingAppended();
    }

    @Test
    void changesWithoutIfMatchAre428AndWithAStaleOneAre412() {
        postIfMatch(revisions(), starStory("new"), null).assertProblem(428, "If-Match");
        putIfMatch("/api/stories/" + storyId + "/principles", Map.of("principles", List.of()), null).assertProblem(428, "If-Match");
        postIfMatch("/api/stories/" + storyId + "/retire", null, null).assertProblem(428, "If-Match");
        postIfMatch(revisions(), starStory("new"), "\"7\"").assertProblem(412, "If-Match");
        postIfMatch(revisions(), starStory("new"), "*").assertProblem(412, "If-Match");
        nothingAppended();
    }

    @Test
    void aNoOpRevisionAndChangesToARetiredStoryAre409() {
        Response noOp = postIfMatch(revisions(), starStory("The story under test"), etag);
        noOp.assertProblem(409, "revision");
        assertThat(noOp.json().get("detail").asString()).contains("identical to revision 1");
        long afterNoOp = eventCount();
        assertThat(afterNoOp).isEqualTo(eventsBefore);

        Response retired = postIfMatch("/api/stories/" + storyId + "/retire", Map.of("reason", "weak"), etag).assertStatus(200);
        eventsBefore = eventCount();
        postIfMatch(revisions(), starStory("A revision of a retired story"), retired.etag()).assertProblem(409, "storyId");
        postIfMatch("/api/stories/" + storyId + "/retire", null, retired.etag()).assertProblem(409, "storyId");
        nothingAppended();
    }

    @Test
    void aBankHoldsAtMost200Stories() {
        // fill the bank through the table the limit reads, instead of 199 HTTP drafts
        jdbc.update("""
                insert into story_summaries (story_id, bank_id, org_id, client_id, title, revision, version, format, principles, word_count,
                                             has_deep_dive, retired, drafted_at, changed_at)
                select 'filler-' || ? || '-' || n, ?, 'org-it', 'c', 't', 1, 1, 'TEXT', '{}', 1, false, false, now(), now()
                from generate_series(1, 199) n
                """, bankId, bankId);

        post(drafts(), starStory("Story 201")).assertProblem(409, "bankId");
        nothingAppended();
    }
}
