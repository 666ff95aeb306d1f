package com.storyloop.scoring.rubrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.scoring.RubricAdopted;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rubric versions as data: a variant of v1 is registered, an organisation adopts it, a rescoring job replays every revision
 * the organisation has with it (old scorecards stay), and new revisions are scored with it.
 */
class RubricAdoptionIT extends ScoringServiceIT {

    /** v1 with another version string and a slower speaking rate, so its scorecards visibly differ. */
    static String variant(String version, int wordsPerMinute) {
        ObjectNode definition = (ObjectNode) JSON.readTree(RubricDefinition.standard().json());
        definition.put("version", version);
        ((ObjectNode) definition.get("speaking")).put("wordsPerMinute", wordsPerMinute);
        return JSON.writeValueAsString(definition);
    }

    /** Registered by an operator: the catalogue is installation-wide. */
    Response register(String json) {
        return send("POST", "/api/rubrics?title=Acme%20variant", "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", TestTokens.bearer(TestTokens.operator())));
    }

    @Test
    void adoptingAVariantRescoresEveryRevisionOfTheOrganisationAndKeepsTheOldScorecards() {
        String version = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String org = "org-" + UUID.randomUUID();
        Response registered = register(variant(version, 100)).assertStatus(201);
        assertThat(registered.header("Location")).isEqualTo("/api/rubrics/" + version);
        token = TestTokens.coach(org, "coach-1"); // the catalogue is readable by any member
        assertThat(get("/api/rubrics").json().values()).extracting(v -> v.get("rubricVersion").asString()).contains("1.0.0", version);
        assertThat(get("/api/rubrics/" + version).json().get("speaking").get("wordsPerMinute").asInt()).isEqualTo(100);
        token = TestTokens.orgAdmin(org);

        StoryStream first = new StoryStream(org);
        StoryStream second = first.anotherStory();
        StoryDrafted drafted = first.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY);
        produce(first.opened(Level.L6), drafted, first.revisedText(2, Stories.TEXT + "\nI wrote it up for the team.", PrincipleCode.FRUGALITY),
                second.draftedStar(Stories.SITUATION, Stories.TASK, Stories.ACTION, Stories.RESULT));
        await().atMost(PATIENCE).until(() -> get("/api/stories/" + second.storyId + "/revisions/1/scorecards/1.0.0").status() == 200
                && get("/api/stories/" + first.storyId + "/revisions/2/scorecards/1.0.0").status() == 200);
        assertThat(get("/api/orgs/" + org + "/rubric").json().get("adopted").asBoolean()).isFalse();

        Response adopted = send("POST", "/api/orgs/" + org + "/rubric", "application/json",
                JSON.writeValueAsBytes(Map.of("rubricVersion", version)), Map.of("X-Correlation-Id", "adopt-" + org)).assertStatus(202);
        String job = adopted.json().get("jobId").asString();
        assertThat(adopted.header("Location")).isEqualTo("/api/rescoring/" + job);
        assertThat(adopted.json().get("previousRubricVersion").isNull()).isTrue();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/rescoring/" + job).json().get("status").asString().equals("COMPLETED"));
        JsonNode progress = get("/api/rescoring/" + job).json();
        assertThat(progress.get("total").asInt()).isEqualTo(3);
        assertThat(progress.get("done").asInt()).isEqualTo(3);
        assertThat(progress.get("failed").asInt()).isZero();
        assertThat(progress.get("percent").asInt()).isEqualTo(100);
        assertThat(progress.get("orgId").asString()).isEqualTo(org);
        assertThat(progress.get("finishedAt").isNull()).isFalse();

        // both versions' scorecards of every revision; the new ones carry the new version and its speaking rate
        for (String path : List.of(first.storyId + "/revisions/1", first.storyId + "/revisions/2", second.storyId + "/revisions/1")) {
            JsonNode cards = get("/api/stories/" + path + "/scorecards").assertStatus(200).json().get("scorecards");
            assertThat(cards.values()).extracting(c -> c.get("rubricVersion").asString()).containsExactlyInAnyOrder("1.0.0", version);
            assertThat(cards.values()).filteredOn(c -> c.get("rubricVersion").asString().equals(version)).singleElement()
                    .satisfies(c -> assertThat(c.get("scorecard").get("measurements").get("wordsPerMinute").asInt()).isEqualTo(100));
        }
        assertThat(get("/api/orgs/" + org + "/rubric").json().get("rubricVersion").asString()).isEqualTo(version);

        // on scoring.events: RubricAdopted keyed by the organisation, and the new scorecards caused by the revisions they score
        List<Scored> events = readScoringEvents(read -> read.stream().anyMatch(e -> e.event() instanceof RubricAdopted
                && ((RubricAdopted) e.event()).getMetadata().getOrgId().equals(org)) && revisionsScored(read, first.storyId).size() >= 4);
        Scored adoption = events.stream().filter(e -> e.event() instanceof RubricAdopted
                && ((RubricAdopted) e.event()).getMetadata().getOrgId().equals(org)).findFirst().orElseThrow();
        assertThat(adoption.key()).isEqualTo(org);
        assertThat(((RubricAdopted) adoption.event()).getRubricVersion()).isEqualTo(version);
        assertThat(((RubricAdopted) adoption.event()).getPreviousRubricVersion()).isNull();
        RevisionScored rescored = revisionsScored(events, first.storyId).stream()
                .filter(e -> e.getRevision() == 1 && e.getRubricVersion().equals(version)).findFirst().orElseThrow();
        assertThat(rescored.getMetadata().getCausationId()).isEqualTo(drafted.getMetadata().getEventId().toString());
        assertThat(rescored.getMetadata().getCorrelationId()).isEqualTo("adopt-" + org);
        assertThat(rescored.getMeasurements().getWordsPerMinute()).isEqualTo(100);

        // a revision after the adoption is scored with the adopted version only
        produce(second.revisedText(2, Stories.TEXT));
        await().atMost(PATIENCE).until(() -> get("/api/stories/" + second.storyId + "/revisions/2/scorecards/" + version).status() == 200);
        assertThat(get("/api/stories/" + second.storyId + "/revisions/2/scorecards").json().get("scorecards").values())
                .extracting(c -> c.get("rubricVersion").asString()).containsExactly(version);
        JsonNode latest = get("/api/stories/" + second.storyId + "/scorecard").json();
        assertThat(latest.get("revision").asInt()).isEqualTo(2);
        assertThat(latest.get("rubricVersion").asString()).isEqualTo(version);
        assertThat(get("/api/stories/" + first.storyId + "/scorecard?rubricVersion=1.0.0").json().get("rubricVersion").asString())
                .isEqualTo("1.0.0");

        // adopting the version in effect again changes nothing and starts no job
        Response unchanged = post("/api/orgs/" + org + "/rubric", Map.of("rubricVersion", version)).assertStatus(200);
        assertThat(unchanged.json().get("jobId").isNull()).isTrue();
    }

    @Test
    void anOrganisationWithoutRevisionsCompletesItsJobAtOnce() {
        String version = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        register(variant(version, 120)).assertStatus(201);
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);

        Response adopted = post("/api/orgs/" + org + "/rubric", Map.of("rubricVersion", version)).assertStatus(202);

        JsonNode progress = get("/api/rescoring/" + adopted.json().get("jobId").asString()).assertStatus(200).json();
        assertThat(progress.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(progress.get("total").asInt()).isZero();
        assertThat(progress.get("percent").asInt()).isEqualTo(100);
    }

    @Test
    void rubricVersionsAreImmutableAndMustBuildAnEngine() {
        String version = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        register(variant(version, 130)).assertStatus(201);
        token = TestTokens.orgAdmin("org-1");

        Response again = register(variant(version, 130)).assertStatus(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        register(variant(version, 131)).assertProblem(409, "version");
        register(variant("1.0.0", 131)).assertProblem(409, "version");
        register("{\"version\": \"x\"}").assertProblem(400, "definition");
        register("not json").assertProblem(400, "definition");
        register(variant("bad version/with slash", 140)).assertProblem(400, "version");
        post("/api/orgs/org-1/rubric", Map.of("rubricVersion", "never-registered")).assertProblem(422, "rubricVersion");
        post("/api/orgs/org-1/rubric", Map.of()).assertProblem(400, "rubricVersion");
        get("/api/rescoring/" + UUID.randomUUID()).assertStatus(404);
        get("/api/rescoring/not-a-job").assertStatus(404);
        get("/api/rubrics/never-registered").assertStatus(404);
    }
}
