package com.storyloop.practice.loops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.practice.LoopCompleted;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A coach plans and runs a whole loop through HTTP, from the client's stories on story.events to the loop's events on practice.events. */
class LoopLifecycleIT extends PracticeServiceIT {

    /** The client's assigned coach (the bank names coach-1) runs the loop unless a test says otherwise. */
    @BeforeEach
    void signInAsTheCoach() {
        token = TestTokens.coach(ORG, "coach-1");
    }

    static final String ORG = "org-it";

    @Autowired
    EventCodec codec;

    final String client = "client-" + UUID.randomUUID();
    final String bank = "bank-" + UUID.randomUUID();

    static EventMetadata metadata(String client, String stream) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(ORG).setClientId(client).setStreamId(stream).setStreamVersion(1)
                .setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null).setActor("test").build();
    }

    StoryDrafted story(String storyId, PrincipleCode... principles) {
        return StoryDrafted.newBuilder().setMetadata(metadata(client, storyId)).setBankId(bank).setStoryId(storyId).setRevision(1)
                .setTitle("Story " + storyId).setSituation(null).setTask(null).setAction(null).setResult(null)
                .setText("I rolled back the launch for the affected customers and fixed it in a week.").setPrinciples(List.of(principles))
                .setProjectTag(null).build();
    }

    void publishBank(String co, String own) {
        List<SpecificRecord> events = List.of(
                StoryBankOpened.newBuilder().setMetadata(metadata(client, bank)).setBankId(bank).setCoachId("coach-1").setTargetRole("Senior PM")
                        .setTargetLevel(Level.L6).setInterviewDate(null).build(),
                story(co, PrincipleCode.CUSTOMER_OBSESSION, PrincipleCode.OWNERSHIP), story(own, PrincipleCode.OWNERSHIP));
        KafkaProducer<String, byte[]> producer = TestKafka.producer();
        for (SpecificRecord event : events) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, codec.encode(event)));
        }
        producer.flush();
    }

    Map<String, Object> format() {
        return Map.of("orgId", ORG, "clientId", client, "interviews", 2, "questionsPerInterview", 2, "barRaiser", true,
                "principles", List.of("CUSTOMER_OBSESSION", "OWNERSHIP", "CUSTOMER_OBSESSION", "FRUGALITY"));
    }

    @Test
    void aCoachPlansAndRunsALoopAndEveryStepIsAnEventOnPracticeEvents() {
        String co = "story-co-" + UUID.randomUUID();
        String own = "story-own-" + UUID.randomUUID();
        publishBank(co, own);

        // the plan is previewed from the local copy of the bank, before the loop starts
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Response preview = post("/api/loop-plans", format());
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().get("interviews").get(0).get("slots").get(1).get("proposedStoryId").asString()).isIn(co, own);
        });

        Response planned = post("/api/loops", format()).assertStatus(201);
        JsonNode plan = planned.json();
        String loopId = plan.get("loopId").asString();
        assertThat(planned.header("ETag")).isEqualTo("\"1\"");
        assertThat(plan.get("interviews").get(0).get("slots").get(0).get("proposedStoryId").asString()).isEqualTo(co);
        assertThat(plan.get("interviews").get(1).get("barRaiser").asBoolean()).isTrue();
        // every slot suggests a bank question with its probes; the bank targets L6 and the built-in bank has only L7 variants,
        // so the questions for any level are suggested, and the principle asked twice gets a second question
        assertThat(plan.get("interviews").values()).flatExtracting(i -> i.get("slots").values())
                .extracting(s -> s.get("suggestedQuestionId").asString()).containsExactly("co-01", "ow-01", "co-02", "fr-01");
        assertThat(plan.get("suggestedQuestions").get("co-01").get("probes").size()).isGreaterThanOrEqualTo(3);
        assertThat(plan.get("suggestedQuestions").get("co-01").get("text").asString()).isNotBlank();
        assertThat(plan.get("unfilledSlots").values()).extracting(JsonNode::asString).containsExactly(
                "interview 2, question 1 (CUSTOMER_OBSESSION): every story that evidences CUSTOMER_OBSESSION already answers it in this loop"
                        + " (a story may not answer the same principle twice)",
                "interview 2, question 2 (FRUGALITY): no story in the bank evidences FRUGALITY");

        String loop = "/api/loops/" + loopId;
        post(loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", "co-01")).assertStatus(201);
        JsonNode answered = post(loop + "/answers", Map.of("interviewIndex", 0, "slotIndex", 0, "storyId", co, "storyRevision", 1,
                "durationSeconds", 150, "transcript", "Um, I rolled back the launch because screen-reader users could not pay.")).assertStatus(201).json();
        assertThat(answered.get("timing").asString()).isEqualTo("ON_TARGET");
        assertThat(answered.get("timingFlagged").asBoolean()).isFalse();
        assertThat(answered.get("fillerWords").asInt()).isEqualTo(1);
        // the rubric engine's flags on what was actually said: a one-sentence answer is too short and has no measurable result
        assertThat(answered.get("rubricVersion").asString()).isNotBlank();
        assertThat(answered.get("transcriptFlags").values()).extracting(JsonNode::asString).contains("TOO_SHORT");
        post(loop + "/probes", Map.of("interviewIndex", 0, "slotIndex", 0, "text", "What data?", "handledWell", false)).assertStatus(201);
        post(loop + "/ratings", Map.of("interviewIndex", 0, "slotIndex", 0, "interviewerId", "coach-1", "rating", "INCLINED")).assertStatus(201);

        post(loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 1, "questionId", "ow-01")).assertStatus(201);
        JsonNode late = post(loop + "/answers", Map.of("interviewIndex", 0, "slotIndex", 1, "storyId", co, "storyRevision", 1,
                "durationSeconds", 300)).assertStatus(201).json();
        assertThat(late.get("timingFlagged").asBoolean()).isTrue();

        post(loop + "/questions", Map.of("interviewIndex", 1, "slotIndex", 0, "questionId", "custom-1", "text", "Tell me about another customer"))
                .assertStatus(201);
        Long before = jdbc.queryForObject("select count(*) from events where stream_id = ?", Long.class, loopId);
        // the same story may not answer the same principle twice in one loop: refused on the server, nothing appended
        post(loop + "/answers", Map.of("interviewIndex", 1, "slotIndex", 0, "storyId", co, "storyRevision", 1, "durationSeconds", 150))
                .assertProblem(409, "storyId");
        assertThat(jdbc.queryForObject("select count(*) from events where stream_id = ?", Long.class, loopId)).isEqualTo(before);

        JsonNode completed = post(loop + "/completion", null).assertStatus(201).json();
        assertThat(completed.get("summary").get("abandoned").asBoolean()).isTrue();
        assertThat(completed.get("summary").get("answersGiven").asInt()).isEqualTo(2);
        assertThat(completed.get("summary").get("answersInTargetTime").asInt()).isEqualTo(1);

        Response read = get(loop).assertStatus(200);
        assertThat(read.header("ETag")).isEqualTo("\"9\"");
        assertThat(read.json().get("suggestedQuestions").get("fr-01").get("probes").size()).isGreaterThanOrEqualTo(3);
        assertThat(read.json().get("completed").asBoolean()).isTrue();
        assertThat(read.json().get("questions").size()).isEqualTo(3);
        JsonNode storyUse = read.json().get("summary").get("storyUse").get(0);
        assertThat(storyUse.get("storyId").asString()).as("the completion summary per story, when the loop is read back").isEqualTo(co);
        assertThat(storyUse.get("answers").asInt()).isEqualTo(2);
        assertThat(storyUse.get("ratings").size()).isEqualTo(1);
        assertThat(storyUse.get("answersOutsideTime").asInt()).isEqualTo(1);
        post(loop + "/questions", Map.of("interviewIndex", 1, "slotIndex", 1, "questionId", "fr-01")).assertProblem(409, "loopId");

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.PRACTICE_EVENTS,
                all -> all.stream().filter(r -> client.equals(r.key())).count() >= 9, Duration.ofSeconds(60));
        List<SpecificRecord> events = records.stream().filter(r -> client.equals(r.key())).map(r -> codec.decode(r.value())).toList();
        assertThat(events).extracting(e -> e.getSchema().getName()).containsExactly("LoopPlanned", "QuestionAsked", "AnswerGiven", "ProbeAsked",
                "AnswerRated", "QuestionAsked", "AnswerGiven", "QuestionAsked", "LoopCompleted");
        com.storyloop.events.practice.AnswerGiven first = (com.storyloop.events.practice.AnswerGiven) events.get(2);
        assertThat(first.getTranscriptAnalysis().getFlags()).contains(com.storyloop.events.FlagCode.TOO_SHORT);
        assertThat(first.getTranscriptAnalysis().getRubricVersion()).isEqualTo(answered.get("rubricVersion").asString());
        LoopCompleted summary = (LoopCompleted) events.get(events.size() - 1);
        assertThat(summary.getLoopId()).isEqualTo(loopId);
        assertThat(summary.getStoryUse()).singleElement().satisfies(use -> {
            assertThat(use.getStoryId()).isEqualTo(co);
            assertThat(use.getAnswers()).isEqualTo(2);
        });
        assertThat(summary.getWarnings()).anySatisfy(w -> assertThat(w).contains("answer took 300 s"));
        assertThat(summary.getPrinciples().get(0).getFlags()).contains(com.storyloop.events.FlagCode.TOO_SHORT);
    }

    RevisionScored scored(String storyId, int overall, Verdict verdict, PrincipleCode principle, double fit) {
        return RevisionScored.newBuilder().setMetadata(metadata(client, storyId)).setStoryId(storyId).setBankId(bank).setRevision(1)
                .setRubricVersion("1").setVerdict(verdict).setOverall(overall).setDecidingRule("test").setDimensions(List.of()).setFlags(List.of())
                .setPrinciples(List.of(PrincipleFit.newBuilder().setCode(principle).setFit(fit).setClaimed(true).setEvidence(List.of()).build()))
                .setMeasurements(Measurements.newBuilder().setWordCount(300).setSituationWords(50).setTaskWords(30).setActionWords(150)
                        .setResultWords(70).setActionResultShare(0.73).setSpeakingSeconds(130).setWordsPerMinute(140)
                        .setFirstPersonSingularActions(8).setFirstPersonPluralActions(1).build())
                .setLevelSignals(List.of()).setWarnings(List.of()).build();
    }

    @Test
    void theLatestScoresFromScoringEventsDecideWhichStoryThePlanProposes() {
        token = TestTokens.orgAdmin(ORG);
        String weak = "story-a-" + UUID.randomUUID();
        String strong = "story-b-" + UUID.randomUUID();
        publishBank(weak, strong);
        KafkaProducer<String, byte[]> producer = TestKafka.producer();
        producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, client, codec.encode(scored(weak, 45, Verdict.FAIL, PrincipleCode.OWNERSHIP, 0.9))));
        producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, client, codec.encode(scored(strong, 82, Verdict.PASS, PrincipleCode.OWNERSHIP, 0.8))));
        producer.flush();
        Map<String, Object> format = Map.of("orgId", ORG, "clientId", client, "interviews", 1, "questionsPerInterview", 1,
                "principles", List.of("OWNERSHIP"));

        // the FAIL story is never proposed; the PASS one is, once its score has arrived
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Response preview = post("/api/loop-plans", format);
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().get("interviews").get(0).get("slots").get(0).get("proposedStoryId").asString()).isEqualTo(strong);
            assertThat(preview.json().get("warnings").size()).isZero();
        });
    }

    @Test
    void aClientSelfPractisesWithTheEnginesFlagsInsteadOfRatings() {
        token = TestTokens.client(ORG, client);
        String co = "story-co-" + UUID.randomUUID();
        publishBank(co, "story-own-" + UUID.randomUUID());
        Map<String, Object> format = Map.of("orgId", ORG, "clientId", client, "interviews", 1, "questionsPerInterview", 1,
                "principles", List.of("CUSTOMER_OBSESSION"), "mode", "SELF_PRACTICE");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(post("/api/loop-plans", format).status()).isEqualTo(200));

        String loop = "/api/loops/" + post("/api/loops", format).assertStatus(201).json().get("loopId").asString();
        post(loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", "co-03")).assertStatus(201);
        JsonNode answered = post(loop + "/answers", Map.of("interviewIndex", 0, "slotIndex", 0, "storyId", co, "storyRevision", 1,
                "durationSeconds", 95, "transcript", "We launched it and it worked.")).assertStatus(201).json();
        assertThat(answered.get("transcriptFlags").size()).isPositive();

        post(loop + "/ratings", Map.of("interviewIndex", 0, "slotIndex", 0, "interviewerId", "coach-1", "rating", "INCLINED"))
                .assertProblem(409, "rating");
        JsonNode summary = post(loop + "/completion", null).assertStatus(201).json().get("summary");
        assertThat(summary.get("abandoned").asBoolean()).isFalse();
        assertThat(summary.get("principles").get(0).get("rating").isNull()).isTrue();
        assertThat(get(loop).assertStatus(200).json().get("mode").asString()).isEqualTo("SELF_PRACTICE");
    }

    @Test
    void planningForAClientWithoutABankIs404AndABadFormatIs400NamingTheField() {
        token = TestTokens.orgAdmin(ORG);
        post("/api/loops", Map.of("orgId", ORG, "clientId", "nobody-" + UUID.randomUUID(), "interviews", 1, "questionsPerInterview", 2))
                .assertProblem(404, null);
        post("/api/loops", Map.of("orgId", ORG, "clientId", client, "interviews", 0, "questionsPerInterview", 9))
                .assertProblem(400, "interviews").assertProblem(400, "questionsPerInterview");
    }
}
