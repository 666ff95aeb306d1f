package com.storyloop.scoring.rubrics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.schemas.Topics;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, nobody crosses organisations: a partner rubric offered to one organisation and adopted by it is registered for
 * that organisation only. Another organisation neither lists, reads nor adopts it (it answers as a version never
 * registered), and a different rubric offered to another organisation under the same version name is refused rather than
 * silently given the first organisation's definition.
 */
class RubricOwnershipIT extends ScoringServiceIT {

    static String version() {
        return "kit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void offer(String org, String version, int wordsPerMinute) {
        produceRaw(Topics.CONTENT_EVENTS, RubricOffersIT.PROVIDER,
                CODEC.encode(RubricOffersIT.published(org, version, RubricAdoptionIT.variant(version, wordsPerMinute))));
        await().atMost(PATIENCE).until(() -> getAs(TestTokens.orgAdmin(org), "/api/orgs/" + org + "/rubrics/offered").json().values().stream()
                .anyMatch(o -> o.get("rubricVersion").asString().equals(version)));
    }

    Response adoptAs(String org, String version) {
        return send("POST", "/api/orgs/" + org + "/rubric", "application/json", JSON.writeValueAsBytes(Map.of("rubricVersion", version)),
                Map.of("Authorization", TestTokens.bearer(TestTokens.orgAdmin(org))));
    }

    List<String> listedFor(String token) {
        return getAs(token, "/api/rubrics").assertStatus(200).json().values().stream().map(v -> v.get("rubricVersion").asString()).toList();
    }

    /** The same status, title and detail (the version named aside) as a version nobody registered: no hint it exists. */
    static void answersAsUnknown(Response owned, String version, Response unknown, String unknownVersion) {
        assertThat(owned.status()).isEqualTo(unknown.status());
        assertThat(owned.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
        JsonNode a = owned.json();
        JsonNode b = unknown.json();
        assertThat(a.propertyNames()).containsExactlyInAnyOrderElementsOf(b.propertyNames());
        assertThat(a.get("title")).isEqualTo(b.get("title"));
        assertThat(a.get("detail").asString().replace(version, "V")).isEqualTo(b.get("detail").asString().replace(unknownVersion, "V"));
    }

    @Test
    void aPartnerRubricAdoptedByOneOrganisationIsInvisibleToAnotherAndAnswersLikeAnUnknownVersion() {
        // given a rubric offered to A, A having adopted an installation version before, and an organisation B
        String a = "org-" + UUID.randomUUID();
        String b = "org-" + UUID.randomUUID();
        String installed = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        send("POST", "/api/rubrics?title=Acme", "application/json", RubricAdoptionIT.variant(installed, 120).getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", TestTokens.bearer(TestTokens.operator()))).assertStatus(201);
        adoptAs(a, installed).assertStatus(202);
        String partner = version();
        offer(a, partner, 105);

        // when A's admin adopts it (its adoption stream already has an event: the append must stay the first write)
        Response adopted = adoptAs(a, partner).assertStatus(202);
        assertThat(adopted.json().get("previousRubricVersion").asString()).isEqualTo(installed);

        // then A's members list and read it, and A's new revisions are scored with it
        String coachOfA = TestTokens.coach(a, "coach-a");
        assertThat(listedFor(coachOfA)).contains("1.0.0", installed, partner);
        assertThat(getAs(coachOfA, "/api/rubrics/" + partner).assertStatus(200).json().get("speaking").get("wordsPerMinute").asInt())
                .isEqualTo(105);
        token = TestTokens.orgAdmin(a);
        StoryStream story = new StoryStream(a);
        produce(story.opened(Level.L6), story.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY));
        await().atMost(PATIENCE).until(() -> get("/api/stories/" + story.storyId + "/revisions/1/scorecards/" + partner).status() == 200);
        assertThat(get("/api/stories/" + story.storyId + "/revisions/1/scorecards/" + partner).json().get("scorecard").get("measurements")
                .get("wordsPerMinute").asInt()).isEqualTo(105);

        // and B's members do not list it, read it or adopt it: exactly like a version never registered
        String unknown = version();
        for (String member : List.of(TestTokens.orgAdmin(b), TestTokens.coach(b, "coach-b"), TestTokens.client(b, "client-b"))) {
            assertThat(listedFor(member)).contains("1.0.0", installed).doesNotContain(partner);
            answersAsUnknown(getAs(member, "/api/rubrics/" + partner), partner, getAs(member, "/api/rubrics/" + unknown).assertStatus(404),
                    unknown);
        }
        Response adoptOwned = adoptAs(b, partner).assertProblem(422, "rubricVersion");
        answersAsUnknown(adoptOwned, partner, adoptAs(b, unknown).assertProblem(422, "rubricVersion"), unknown);
        assertThat(adoptOwned.body()).doesNotContain(a);
        assertThat(getAs(TestTokens.orgAdmin(b), "/api/orgs/" + b + "/rubric").json().get("adopted").asBoolean()).isFalse();
        // nor does an operator, who sees the installation catalogue only (an organisation's offers are its own business)
        assertThat(listedFor(TestTokens.operator())).contains(installed).doesNotContain(partner);
        getAs(TestTokens.operator(), "/api/rubrics/" + partner).assertStatus(404);
    }

    @Test
    void anotherRubricOfferedUnderTheSameVersionNameIsRefusedAndTheFirstOrganisationKeepsItsOwn() {
        // given A adopted a partner rubric offered to it and has a scorecard under it
        String a = "org-" + UUID.randomUUID();
        String b = "org-" + UUID.randomUUID();
        String c = "org-" + UUID.randomUUID();
        String partner = version();
        offer(a, partner, 105);
        adoptAs(a, partner).assertStatus(202);
        token = TestTokens.orgAdmin(a);
        StoryStream story = new StoryStream(a);
        produce(story.opened(Level.L6), story.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY));
        String card = "/api/stories/" + story.storyId + "/revisions/1/scorecards/" + partner;
        await().atMost(PATIENCE).until(() -> get(card).status() == 200);
        JsonNode before = get(card).json();

        // when B is offered a different rubric under the same version name, and C the very same one as A
        offer(b, partner, 140);
        offer(c, partner, 105);

        // then B's adoption is refused with a clear problem naming rubricVersion (and not A), and B stays on the built-in version
        Response refused = adoptAs(b, partner).assertProblem(409, "rubricVersion");
        assertThat(refused.json().get("detail").asString()).contains("version name is taken", "publish it under another version")
                .doesNotContain(a);
        assertThat(getAs(TestTokens.orgAdmin(b), "/api/orgs/" + b + "/rubric").json().get("adopted").asBoolean()).isFalse();
        assertThat(listedFor(TestTokens.orgAdmin(b))).doesNotContain(partner);
        getAs(TestTokens.orgAdmin(b), "/api/rubrics/" + partner).assertStatus(404);

        // and C may adopt the identical definition, registered for C itself (A's provenance and visibility untouched)
        adoptAs(c, partner).assertStatus(202);
        assertThat(getAs(TestTokens.coach(c, "coach-c"), "/api/rubrics/" + partner).assertStatus(200).json().get("speaking")
                .get("wordsPerMinute").asInt()).isEqualTo(105);

        // and A's definition and scorecard are unchanged
        assertThat(get("/api/rubrics/" + partner).json().get("speaking").get("wordsPerMinute").asInt()).isEqualTo(105);
        assertThat(get(card).json()).isEqualTo(before);
        assertThat(get("/api/orgs/" + a + "/rubric").json().get("rubricVersion").asString()).isEqualTo(partner);
        assertThat(jdbc.queryForList("select offered_to_org from rubric_definitions where rubric_version = ?", String.class, partner))
                .containsExactlyInAnyOrder(a, c);
    }
}
