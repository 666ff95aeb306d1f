package com.storyloop.practice.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.practice.support.PracticeParties;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The less obvious rules of issue 7 for loops: a coach sees only their assigned clients' loops, another client's or
 * organisation's loop answers exactly like a missing one, writes naming someone else's client change nothing, an answer
 * may only tell the loop's own client's story, and a story or score event naming another tenant's story changes nothing.
 */
class LoopAccessIT extends PracticeServiceIT {

    @Autowired
    EventCodec codec;

    final String org = "org-access-" + UUID.randomUUID();
    final PracticeParties alice = new PracticeParties(org, "alice-" + UUID.randomUUID(), "coach-a-" + UUID.randomUUID(),
            "bank-" + UUID.randomUUID(), "story-" + UUID.randomUUID());
    final PracticeParties bob = new PracticeParties(org, "bob-" + UUID.randomUUID(), "coach-b-" + UUID.randomUUID(),
            "bank-" + UUID.randomUUID(), "story-" + UUID.randomUUID());

    @BeforeEach
    void bothClientsHaveABankAndACoach() {
        alice.publishBank(codec);
        bob.publishBank(codec);
        for (PracticeParties p : List.of(alice, bob)) {
            String coach = TestTokens.coach(org, p.coachId());
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as(coach, "POST", "/api/loop-plans", p.format()).assertStatus(200));
        }
    }

    Response as(String caller, String method, String path, Object body) {
        return send(method, path, body, Map.of("Authorization", TestTokens.bearer(caller)));
    }

    String loopOf(PracticeParties p) {
        return as(TestTokens.orgAdmin(org), "POST", "/api/loops", p.format()).assertStatus(201).json().get("loopId").asString();
    }

    long events(String streamId) {
        Long n = jdbc.queryForObject("select count(*) from events where stream_id = ?", Long.class, streamId);
        return n == null ? 0 : n;
    }

    long loopsPlannedFor(String clientId) {
        Long n = jdbc.queryForObject("select count(*) from events where partition_key = ? and event_type = 'LoopPlanned'", Long.class, clientId);
        return n == null ? 0 : n;
    }

    /** The problem without what names the loop, so a foreign loop's answer compares with a missing one's. */
    static JsonNode withoutId(Response response, String loopId) {
        return JSON.readTree(response.body().replace(loopId, "<id>"));
    }

    @Test
    void aCoachSeesTheLoopsOfTheirAssignedClientOnlyAndAnotherClientsLoopAnswersLikeAMissingOne() {
        // given a loop for each client
        String aliceLoop = loopOf(alice);
        String bobLoop = loopOf(bob);
        String alicesCoach = TestTokens.coach(org, alice.coachId());

        // when alice's coach reads both, and a loop that does not exist
        Response own = as(alicesCoach, "GET", "/api/loops/" + aliceLoop, null);
        Response foreign = as(alicesCoach, "GET", "/api/loops/" + bobLoop, null);
        String missingId = UUID.randomUUID().toString();
        Response missing = as(alicesCoach, "GET", "/api/loops/" + missingId, null);

        // then only alice's is served; bob's answers exactly as the missing one does, down to the body
        assertThat(own.assertStatus(200).json().get("clientId").asString()).isEqualTo(alice.clientId());
        foreign.assertProblem(404, null);
        missing.assertProblem(404, null);
        assertThat(withoutId(foreign, bobLoop)).isEqualTo(withoutId(missing, missingId));
        assertThat(foreign.body()).doesNotContain(bob.clientId()).doesNotContain(org);
        // and alice herself sees hers but not bob's
        as(TestTokens.client(org, alice.clientId()), "GET", "/api/loops/" + aliceLoop, null).assertStatus(200);
        as(TestTokens.client(org, alice.clientId()), "GET", "/api/loops/" + bobLoop, null).assertProblem(404, null);
    }

    @Test
    void aClientCannotPlanForOrWriteIntoAnotherClientsLoopsAndNothingChanges() {
        // given bob's loop
        String bobLoop = loopOf(bob);
        String aliceToken = TestTokens.client(org, alice.clientId());
        long bobsPlans = loopsPlannedFor(bob.clientId());

        // when alice plans a loop naming bob, previews bob's bank and asks a question in bob's loop
        Response plan = as(aliceToken, "POST", "/api/loops", bob.format());
        Response preview = as(aliceToken, "POST", "/api/loop-plans", bob.format());
        Response ask = as(aliceToken, "POST", "/api/loops/" + bobLoop + "/questions", bob.ask());

        // then each is 404 and bob's loops are untouched
        plan.assertProblem(404, null);
        preview.assertProblem(404, null);
        ask.assertProblem(404, null);
        assertThat(loopsPlannedFor(bob.clientId())).isEqualTo(bobsPlans);
        assertThat(events(bobLoop)).isEqualTo(1);
        // and the 404 for bob's existing bank reads exactly like the one for a client without any
        Response none = as(aliceToken, "POST", "/api/loops", Map.of("orgId", org, "clientId", bob.clientId() + "-none", "interviews", 1,
                "questionsPerInterview", 1));
        assertThat(JSON.readTree(plan.body().replace(bob.clientId(), "<client>")))
                .isEqualTo(JSON.readTree(none.body().replace(bob.clientId() + "-none", "<client>")));
    }

    @Test
    void anotherOrganisationsAdminCannotPlanReadOrRunALoopAndNothingChanges() {
        // given alice's loop
        String aliceLoop = loopOf(alice);
        String outsider = TestTokens.orgAdmin("org-outsider-" + UUID.randomUUID());
        long alicesPlans = loopsPlannedFor(alice.clientId());

        // when an admin of another organisation names alice's organisation and loop
        Response plan = as(outsider, "POST", "/api/loops", alice.format());
        Response read = as(outsider, "GET", "/api/loops/" + aliceLoop, null);
        Response complete = as(outsider, "POST", "/api/loops/" + aliceLoop + "/completion", null);

        // then everything is 404 and nothing was appended
        plan.assertProblem(404, null);
        read.assertProblem(404, null);
        complete.assertProblem(404, null);
        assertThat(loopsPlannedFor(alice.clientId())).isEqualTo(alicesPlans);
        assertThat(events(aliceLoop)).isEqualTo(1);
    }

    @Test
    void anAnswerMayOnlyTellTheLoopsOwnClientsStoryAForeignOneIsRefusedAndAppendsNothing() {
        // given alice's loop with its question asked
        String loop = "/api/loops/" + loopOf(alice);
        String aliceToken = TestTokens.client(org, alice.clientId());
        as(aliceToken, "POST", loop + "/questions", alice.ask()).assertStatus(201);

        // when alice answers with bob's story, and with a story id nobody has
        Response withBobs = as(aliceToken, "POST", loop + "/answers", Map.of("interviewIndex", 0, "slotIndex", 0, "storyId", bob.storyId(),
                "storyRevision", 1, "durationSeconds", 150));
        Response withUnknown = as(aliceToken, "POST", loop + "/answers", Map.of("interviewIndex", 0, "slotIndex", 0, "storyId",
                "story-" + UUID.randomUUID(), "storyRevision", 1, "durationSeconds", 150));

        // then both are refused alike, naming the field, and the loop did not move
        withBobs.assertProblem(409, "storyId");
        withUnknown.assertProblem(409, "storyId");
        assertThat(withBobs.json().get("title")).isEqualTo(withUnknown.json().get("title"));
        assertThat(events(loop.substring("/api/loops/".length()))).isEqualTo(2);
        // and with her own story it is recorded
        as(aliceToken, "POST", loop + "/answers", alice.answer()).assertStatus(201);
        assertThat(events(loop.substring("/api/loops/".length()))).isEqualTo(3);
    }

    @Test
    void aStoryOrScoreEventNamingAnotherTenantsStoryChangesNothing() {
        // given alice's story in practice's copy of her bank (the before-each waited for it), and events of another
        // organisation's own stream (so the stream-ownership check lets them through) whose payload names alice's story id
        String intruder = "intruder-" + UUID.randomUUID();
        String otherOrg = "org-intruder-" + UUID.randomUUID();
        EventMetadata foreign = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(otherOrg).setClientId(intruder)
                .setStreamId("intruder-story-" + UUID.randomUUID()).setStreamVersion(5).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString())
                .setCausationId(null).setActor("intruder").build();
        StoryRevised hijack = StoryRevised.newBuilder().setMetadata(foreign).setBankId("bank-" + intruder).setStoryId(alice.storyId())
                .setRevision(2).setTitle("Hijacked").setText("Not alice's words.").setPrinciples(List.of(PrincipleCode.FRUGALITY)).build();
        // the marker goes on the same key, so once it is applied the revision before it was too
        String markerBank = "bank-" + intruder;
        EventMetadata markerMetadata = EventMetadata.newBuilder(foreign).setEventId(UUID.randomUUID()).setStreamId(markerBank).setStreamVersion(1)
                .build();
        StoryBankOpened marker = StoryBankOpened.newBuilder().setMetadata(markerMetadata).setBankId(markerBank).setCoachId(null)
                .setTargetRole("PM").setTargetLevel(Level.L6).setInterviewDate(null).build();

        RevisionScored failing = RevisionScored.newBuilder().setMetadata(EventMetadata.newBuilder(foreign).setEventId(UUID.randomUUID())
                        .setStreamId("intruder-score-" + UUID.randomUUID()).build())
                .setStoryId(alice.storyId()).setBankId("bank-" + intruder).setRevision(2).setRubricVersion("1").setVerdict(Verdict.FAIL)
                .setOverall(10).setDecidingRule("test").setDimensions(List.of()).setFlags(List.of()).setPrinciples(List.of())
                .setMeasurements(Measurements.newBuilder().setWordCount(3).setSituationWords(0).setTaskWords(0).setActionWords(3)
                        .setResultWords(0).setActionResultShare(1).setSpeakingSeconds(1).setWordsPerMinute(140)
                        .setFirstPersonSingularActions(0).setFirstPersonPluralActions(0).build())
                .setLevelSignals(List.of()).setWarnings(List.of()).build();

        // when another organisation's client publishes a revision of alice's story id, and a failing score for it
        KafkaProducer<String, byte[]> producer = TestKafka.producer();
        producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, intruder, codec.encode(hijack)));
        producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, intruder, codec.encode(failing)));
        producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, intruder, codec.encode(marker)));
        producer.flush();
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject("select count(*) from client_banks where client_id = ?",
                Integer.class, intruder) == 1);
        // the score travels on another topic: wait until its consumer has passed it (its inbox holds the event id)
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject("select count(*) from inbox where consumer_group = 'practice-client-stories' and event_id = ?", Integer.class,
                UUID.fromString(String.valueOf(failing.getMetadata().getEventId()))) > 0);

        // then alice's story is as she wrote it, unscored, and her loop planning still proposes it for OWNERSHIP (a FAIL never is)
        Map<String, Object> story = jdbc.queryForMap("select title, revision, org_id, client_id from client_stories where story_id = ?",
                alice.storyId());
        assertThat(jdbc.queryForObject("select count(*) from story_scores where story_id = ?", Integer.class, alice.storyId())).isZero();
        assertThat(story).containsEntry("title", "Launch").containsEntry("revision", 1).containsEntry("org_id", org)
                .containsEntry("client_id", alice.clientId());
        JsonNode preview = as(TestTokens.client(org, alice.clientId()), "POST", "/api/loop-plans", alice.format()).assertStatus(200).json();
        assertThat(preview.get("interviews").get(0).get("slots").get(0).get("proposedStoryId").asString()).isEqualTo(alice.storyId());
    }
}
