package com.storyloop.scoring.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.schemas.Topics;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules of issue 7 that the endpoint matrix does not show by status alone: another tenant's resource answers exactly
 * like a missing one, refused writes change nothing, and story events naming another tenant's story are dead-lettered.
 */
class ScoringAccessIT extends ScoringServiceIT {

    static final String DLQ = Topics.deadLetter(Topics.STORY_EVENTS, "scoring-revisions");

    /** A client's bank with one scored revision, its coach able to see it. */
    StoryStream scoredStory(String org, String coachId) {
        StoryStream s = new StoryStream(org, coachId);
        produce(s.opened(Level.L6), s.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY));
        String admin = TestTokens.orgAdmin(org);
        await().atMost(PATIENCE).until(() -> getAs(admin, "/api/stories/" + s.storyId + "/revisions/1/scorecards/1.0.0").status() == 200);
        String coach = TestTokens.coach(org, coachId);
        await().atMost(PATIENCE).until(() -> getAs(coach, "/api/stories/" + s.storyId + "/revisions/1/coach-scores").status() == 200);
        return s;
    }

    @Test
    void anotherClientsOrOrganisationsStoryAnswersExactlyLikeOneThatDoesNotExist() {
        // given a scored story of one client
        String org = "org-" + UUID.randomUUID();
        StoryStream s = scoredStory(org, "coach-" + UUID.randomUUID());
        String unknown = "story-" + UUID.randomUUID();

        for (String stranger : List.of(TestTokens.client(org, "client-" + UUID.randomUUID()), TestTokens.orgAdmin("org-" + UUID.randomUUID()),
                TestTokens.coach(org, "coach-unassigned"))) {
            for (String path : List.of("/revisions/1/scorecards", "/revisions/1/scorecards/1.0.0", "/scorecard", "/revisions/1/coach-scores")) {
                // when a stranger asks for it, and for a story that does not exist
                Response theirs = getAs(stranger, "/api/stories/" + s.storyId + path);
                Response missing = getAs(stranger, "/api/stories/" + unknown + path);

                // then both are the same 404 problem, the story's id aside
                theirs.assertStatus(404);
                missing.assertStatus(404);
                assertThat(theirs.header("Content-Type")).isEqualTo(missing.header("Content-Type"));
                assertThat(theirs.body().replace(s.storyId, "ID")).as(path).isEqualTo(missing.body().replace(unknown, "ID"));
            }
        }
        // while the client themselves sees it
        getAs(TestTokens.client(org, s.clientId), "/api/stories/" + s.storyId + "/scorecard").assertStatus(200);
    }

    @Test
    void onlyTheClientsCoachOrAnAdminScoresTheirRevisionAndRefusedScoresChangeNothing() {
        // given a scored story whose client has a coach
        String org = "org-" + UUID.randomUUID();
        StoryStream s = scoredStory(org, "coach-" + UUID.randomUUID());
        String path = "/api/stories/" + s.storyId + "/revisions/1/coach-scores";
        Map<String, Object> score = Map.of("dimensions", Map.of("ARC", 3), "verdict", "PASS", "flags", List.of(), "comment", "fine");

        // when the client, another client, an unassigned coach and another organisation's admin try to score it
        postAs(TestTokens.client(org, s.clientId), path, score).assertStatus(403);
        postAs(TestTokens.client(org, "client-" + UUID.randomUUID()), path, score).assertStatus(404);
        postAs(TestTokens.coach(org, "coach-unassigned"), path, score).assertStatus(404);
        postAs(TestTokens.orgAdmin("org-" + UUID.randomUUID()), path, score).assertStatus(404);
        postAs(TestTokens.operator(), path, score).assertStatus(404);

        // then nothing was recorded
        assertThat(getAs(TestTokens.orgAdmin(org), path).assertStatus(200).json().values()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from events where stream_id like ?", Long.class, "coach-score/" + s.storyId + "/%"))
                .isZero();

        // and an org admin who is no coach scores under their own identity, never a coach the body names
        postAs(TestTokens.orgAdmin(org), path, Map.of("coachId", s.coachId, "dimensions", Map.of("ARC", 3), "verdict", "PASS"))
                .assertStatus(403);
        Response admin = postAs(TestTokens.orgAdmin(org), path, score).assertStatus(201);
        assertThat(admin.json().get("coachId").asString()).isEqualTo("test-admin-" + org);
        assertThat(getAs(TestTokens.client(org, s.clientId), path).json().values()).extracting(v -> v.get("coachId").asString())
                .containsExactly("test-admin-" + org);
    }

    @Test
    void anotherOrganisationCannotAdoptARubricForAnOrganisationNorFollowItsRescoring() {
        // given an organisation that adopted a registered variant
        String org = "org-" + UUID.randomUUID();
        String version = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode definition = (ObjectNode) JSON.readTree(RubricDefinition.standard().json());
        definition.put("version", version);
        postAs(TestTokens.operator(), "/api/rubrics", definition).assertStatus(201);
        String job = postAs(TestTokens.orgAdmin(org), "/api/orgs/" + org + "/rubric", Map.of("rubricVersion", version)).assertStatus(202)
                .json().get("jobId").asString();

        // when another organisation's admin and the organisation's own coach try to change it back
        String stranger = TestTokens.orgAdmin("org-" + UUID.randomUUID());
        postAs(stranger, "/api/orgs/" + org + "/rubric", Map.of("rubricVersion", "1.0.0")).assertStatus(404);
        postAs(stranger, "/api/orgs/" + org + "/rubric", Map.of()).assertStatus(404); // not a 400: the request is not theirs to validate
        postAs(TestTokens.coach(org, "coach-1"), "/api/orgs/" + org + "/rubric", Map.of("rubricVersion", "1.0.0")).assertStatus(403);
        // or a client registers a rubric for the whole installation
        postAs(TestTokens.client(org, "client-1"), "/api/rubrics", definition).assertStatus(403);

        // then the organisation still scores with its choice, which only its members may read
        JsonNode rubric = getAs(TestTokens.client(org, "client-1"), "/api/orgs/" + org + "/rubric").assertStatus(200).json();
        assertThat(rubric.get("rubricVersion").asString()).isEqualTo(version);
        getAs(stranger, "/api/orgs/" + org + "/rubric").assertStatus(404);
        // and its job is, to anyone else, a job that does not exist
        String unknownJob = UUID.randomUUID().toString();
        Response theirs = getAs(stranger, "/api/rescoring/" + job).assertStatus(404);
        Response missing = getAs(stranger, "/api/rescoring/" + unknownJob).assertStatus(404);
        assertThat(theirs.body().replace(job, "ID")).isEqualTo(missing.body().replace(unknownJob, "ID"));
        getAs(TestTokens.orgAdmin(org), "/api/rescoring/" + job).assertStatus(200);
    }

    @Test
    void storyEventsNamingAnotherTenantsStoryAreDeadLetteredAndChangeNoScorecard() {
        // given a scored story of organisation A
        String orgA = "org-" + UUID.randomUUID();
        StoryStream victim = scoredStory(orgA, "coach-" + UUID.randomUUID());
        JsonNode before = getAs(TestTokens.orgAdmin(orgA), "/api/stories/" + victim.storyId + "/revisions/1/scorecards").json();

        // when organisation B, on streams of its own, revises and re-claims A's story, and so does another client of A
        StoryStream intruder = new StoryStream("org-" + UUID.randomUUID());
        StoryStream neighbour = new StoryStream(orgA);
        produce(intruder.opened(Level.L6), neighbour.opened(Level.L6));
        StoryRevised foreignRevision = StoryRevised.newBuilder(intruder.revisedText(2, Stories.TEXT + "\nInjected.")).setStoryId(victim.storyId)
                .build();
        PrinciplesClaimed foreignClaim = PrinciplesClaimed.newBuilder(intruder.claimed(1, PrincipleCode.DIVE_DEEP)).setStoryId(victim.storyId)
                .build();
        StoryRevised neighbourRevision = StoryRevised.newBuilder(neighbour.revisedText(2, Stories.TEXT + "\nMine now."))
                .setStoryId(victim.storyId).build();
        produce(foreignRevision, foreignClaim, neighbourRevision);

        // then each is dead-lettered with the mismatch it is
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DLQ, read -> read.stream()
                .filter(r -> intruder.clientId.equals(r.key()) || neighbour.clientId.equals(r.key())).count() >= 3, PATIENCE);
        assertThat(dead.stream().filter(r -> intruder.clientId.equals(r.key())).map(r -> TestKafka.headers(r).get("dlq-reason")))
                .containsExactly("ORG_MISMATCH", "ORG_MISMATCH");
        assertThat(dead.stream().filter(r -> neighbour.clientId.equals(r.key())).map(r -> TestKafka.headers(r).get("dlq-reason")))
                .containsExactly("CLIENT_MISMATCH");

        // and A's story is as it was: no second revision, the same claims, the same scorecards
        String admin = TestTokens.orgAdmin(orgA);
        getAs(admin, "/api/stories/" + victim.storyId + "/revisions/2/scorecards").assertStatus(404);
        assertThat(getAs(admin, "/api/stories/" + victim.storyId + "/revisions/1/scorecards").json()).isEqualTo(before);
        assertThat(jdbc.queryForList("select org_id || '/' || client_id || '/' || array_to_string(principles, ',') from revisions where story_id = ?",
                String.class, victim.storyId)).containsExactly(orgA + "/" + victim.clientId + "/FRUGALITY");
    }
}
