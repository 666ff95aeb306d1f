package com.storyloop.scoring.rubrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.content.RubricPublished;
import com.storyloop.schemas.Topics;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rubrics providers publish (RubricPublished on content.events, as the practice service re-publishes accepted content) are
 * offered to their organisation, not put in effect; an admin adopts one through the usual adoption endpoint, and one the
 * engine cannot run is listed with what it requires and refused on adoption.
 */
class RubricOffersIT extends ScoringServiceIT {

    static final String PROVIDER = "interview-kit-co";

    static RubricPublished published(String org, String rubricVersion, String definition) {
        EventMetadata m = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(PROVIDER)
                .setStreamId("content-" + UUID.randomUUID()).setStreamVersion(1).setOccurredAt(Instant.now())
                .setCorrelationId(UUID.randomUUID().toString()).setCausationId(null).setActor("provider:" + PROVIDER).build();
        return RubricPublished.newBuilder().setMetadata(m).setProviderId(PROVIDER).setPackId("kit-rubrics").setPackVersion("3")
                .setRubricVersion(rubricVersion).setTitle("Kit rubric " + rubricVersion).setDefinition(definition).build();
    }

    List<JsonNode> offered(String org) {
        return get("/api/orgs/" + org + "/rubrics/offered").assertStatus(200).json().values().stream().toList();
    }

    Response adopt(String org, String version) {
        return send("POST", "/api/orgs/" + org + "/rubric", "application/json", JSON.writeValueAsBytes(Map.of("rubricVersion", version)), Map.of());
    }

    @Test
    void aPublishedRubricIsOfferedNotActiveUntilAnAdminAdoptsItAndOneTheEngineCannotRunSaysWhatItRequires() {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String runnable = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        String future = "kit-next-" + UUID.randomUUID().toString().substring(0, 8);
        produceRaw(Topics.CONTENT_EVENTS, PROVIDER, CODEC.encode(published(org, runnable, RubricAdoptionIT.variant(runnable, 110))));
        produceRaw(Topics.CONTENT_EVENTS, PROVIDER, CODEC.encode(published(org, future,
                "{\"version\": \"" + future + "\", \"format\": 2, \"llmJudge\": {\"model\": \"x\"}}")));

        await().atMost(PATIENCE).until(() -> offered(org).size() == 2);
        JsonNode good = offered(org).stream().filter(o -> o.get("rubricVersion").asString().equals(runnable)).findFirst().orElseThrow();
        assertThat(good.get("status").asString()).isEqualTo("OFFERED");
        assertThat(good.get("adoptable").asBoolean()).isTrue();
        assertThat(good.get("requires").isNull()).isTrue();
        assertThat(good.get("providerId").asString()).isEqualTo(PROVIDER);
        assertThat(good.get("packVersion").asString()).isEqualTo("3");
        JsonNode bad = offered(org).stream().filter(o -> o.get("rubricVersion").asString().equals(future)).findFirst().orElseThrow();
        assertThat(bad.get("adoptable").asBoolean()).isFalse();
        assertThat(bad.get("requires").asString()).startsWith("a definition this rubric engine can build");

        // offered is not active: the organisation still scores with the built-in version, and nothing is registered yet
        assertThat(get("/api/orgs/" + org + "/rubric").json().get("adopted").asBoolean()).isFalse();
        assertThat(get("/api/rubrics").json().values()).extracting(v -> v.get("rubricVersion").asString()).doesNotContain(runnable, future);
        String fresh = "org-" + UUID.randomUUID();
        assertThat(getAs(TestTokens.orgAdmin(fresh), "/api/orgs/" + fresh + "/rubrics/offered").assertStatus(200).json().values()).isEmpty();
        get("/api/orgs/" + fresh + "/rubrics/offered").assertStatus(404); // another organisation's offers are not this admin's to see

        adopt(org, future).assertProblem(422, "rubricVersion");
        assertThat(adopt(org, future).json().get("detail").asString()).contains("offered by " + PROVIDER + " but requires");

        adopt(org, runnable).assertStatus(202);
        assertThat(get("/api/orgs/" + org + "/rubric").json().get("rubricVersion").asString()).isEqualTo(runnable);
        assertThat(offered(org)).filteredOn(o -> o.get("rubricVersion").asString().equals(runnable)).singleElement()
                .satisfies(o -> assertThat(o.get("status").asString()).isEqualTo("ACTIVE"));
        assertThat(get("/api/rubrics").json().values()).filteredOn(v -> v.get("rubricVersion").asString().equals(runnable)).singleElement()
                .satisfies(v -> assertThat(v.get("providerId").asString()).isEqualTo(PROVIDER));
        assertThat(get("/api/rubrics/" + runnable).json().get("speaking").get("wordsPerMinute").asInt()).isEqualTo(110);
    }
}
