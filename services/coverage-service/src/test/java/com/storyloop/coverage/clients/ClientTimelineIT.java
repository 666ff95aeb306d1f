package com.storyloop.coverage.clients;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.practice.AnswerRated;
import com.storyloop.events.practice.LoopCompleted;
import com.storyloop.events.practice.PrincipleOutcome;
import com.storyloop.events.practice.AnswerRating;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.InterviewDateSet;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Story, scoring and practice events become the client's timeline: readiness, stories at PASS and ratings over time, once each. */
class ClientTimelineIT extends CoverageServiceIT {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    static EventMetadata meta(String org, String client, String stream, long version, int minute) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(client).setStreamId(stream)
                .setStreamVersion(version).setOccurredAt(T0.plusSeconds(60L * minute)).setCorrelationId("corr").setActor("test").build();
    }

    static StoryDrafted draft(String org, String client, String story, PrincipleCode principle, int minute) {
        return StoryDrafted.newBuilder().setMetadata(meta(org, client, story, 1, minute)).setBankId("bank").setStoryId(story).setRevision(1)
                .setTitle(story).setText("I decided " + story + " alpha beta gamma delta " + minute).setPrinciples(List.of(principle)).build();
    }

    static RevisionScored pass(String org, String client, String story, PrincipleCode principle, int minute) {
        List<PrincipleFit> fits = new ArrayList<>();
        fits.add(new PrincipleFit(principle, 0.8, true, List.of()));
        return RevisionScored.newBuilder().setMetadata(meta(org, client, "scorecard-" + story, 1, minute)).setStoryId(story).setBankId("bank")
                .setRevision(1).setRubricVersion("1").setVerdict(Verdict.PASS).setOverall(80).setDecidingRule("overall 80").setDimensions(List.of())
                .setFlags(List.of()).setPrinciples(fits).setMeasurements(new Measurements(300, 40, 40, 140, 80, 0.73, 130, 140, 6, 1))
                .setLevelSignals(List.of()).setWarnings(List.of()).build();
    }

    static String topic(SpecificRecord e) {
        if (e instanceof RevisionScored) {
            return Topics.SCORING_EVENTS;
        }
        return e instanceof AnswerRated || e instanceof LoopCompleted ? Topics.PRACTICE_EVENTS : Topics.STORY_EVENTS;
    }

    private HttpResponse<String> timeline(String client, String accept) throws Exception {
        return get("/api/clients/" + client + "/timeline", accept);
    }

    @Test
    void readinessStoriesAtPassAndRatingsLineUpWithTheInterviewDateEachOnce() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.client(org, client);
        String s1 = client + "-s1";
        String s2 = client + "-s2";
        List<SpecificRecord> events = List.of(
                StoryBankOpened.newBuilder().setMetadata(meta(org, client, client + "-bank", 1, 0)).setBankId("bank").setCoachId("coach")
                        .setTargetRole("PM").setTargetLevel(Level.L6).setInterviewDate(LocalDate.parse("2027-03-01")).build(),
                InterviewDateSet.newBuilder().setMetadata(meta(org, client, client + "-bank", 2, 1)).setBankId("bank")
                        .setInterviewDate(LocalDate.parse("2027-03-15")).build(),
                draft(org, client, s1, PrincipleCode.FRUGALITY, 2),
                pass(org, client, s1, PrincipleCode.FRUGALITY, 3),
                AnswerRated.newBuilder().setMetadata(meta(org, client, client + "-loop-1", 5, 4)).setLoopId("loop-1").setQuestionId("q1").setInterviewIndex(0)
                        .setSlotIndex(0).setInterviewerId("coach").setRating(AnswerRating.INCLINED).setNotes(null).build(),
                draft(org, client, s2, PrincipleCode.OWNERSHIP, 5),
                pass(org, client, s2, PrincipleCode.OWNERSHIP, 6));
        // every event twice; each scorecard is sent once its draft is applied, so the clean series is expected
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (SpecificRecord e : events) {
                if (e instanceof RevisionScored scored) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                            "select count(*) from coverage.coverage_story where story_id = ?", Long.class, scored.getStoryId()) == 1);
                }
                producer.send(new ProducerRecord<>(topic(e), client, CODEC.encode(e))).get();
                producer.send(new ProducerRecord<>(topic(e), client, CODEC.encode(e))).get();
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String body = timeline(client, null).body();
            return body.contains("\"kind\":\"RATING\"") && body.contains("\"storiesAtPass\":2") && body.contains("2027-03-15");
        });
        String body = timeline(client, null).body();
        assertThat(body).contains("\"clientId\":\"" + client + "\"").contains("\"interviewDate\":\"2027-03-15\"").contains("\"consumerLag\":");
        assertThat(body.split("\"kind\":").length - 1).isEqualTo(5);

        HttpResponse<String> csv = timeline(client, "text/csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        // readiness per rules: 0 (unscored draft), 19 (one PASS story, Frugality), 12 (half the bank at PASS), 23 (two principles)
        assertThat(csv.body().lines().toList()).containsExactly(
                "at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,meanRatingScore,abandoned,interviewDate",
                "2026-10-01T09:02:00Z,READINESS,0,,0,1,,,,,,,,2027-03-15",
                "2026-10-01T09:03:00Z,READINESS,19,80.0,1,1,,,,,,,,2027-03-15",
                "2026-10-01T09:04:00Z,RATING,,,,,INCLINED,3,loop-1,,,,,2027-03-15",
                "2026-10-01T09:05:00Z,READINESS,12,80.0,1,2,,,,,,,,2027-03-15",
                "2026-10-01T09:06:00Z,READINESS,23,80.0,2,2,,,,,,,,2027-03-15");
    }

    @Test
    void completedLoopsSelfPracticeIncludedReachTheTimelineOnceEach() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.client(org, client);
        PrincipleOutcome strong = PrincipleOutcome.newBuilder().setPrinciple(PrincipleCode.FRUGALITY).setStoryId("s1").setStoryRevision(2)
                .setRating(AnswerRating.STRONGLY_INCLINED).setDurationSeconds(150).setProbesAsked(1).setProbesHandledPoorly(0).setFlags(List.of()).build();
        PrincipleOutcome weak = PrincipleOutcome.newBuilder(strong).setPrinciple(PrincipleCode.OWNERSHIP).setRating(AnswerRating.NOT_INCLINED)
                .setDurationSeconds(300).build();
        PrincipleOutcome alone = PrincipleOutcome.newBuilder(strong).setRating(null).setDurationSeconds(130).build();
        LoopCompleted interviewed = LoopCompleted.newBuilder().setMetadata(meta(org, client, "loop-a", 9, 10)).setLoopId("loop-a").setAbandoned(false)
                .setQuestionsAsked(2).setAnswersGiven(2).setAnswersInTargetTime(1).setPrinciples(List.of(strong, weak)).setStoryUse(List.of())
                .setWarnings(List.of("OWNERSHIP (interview 0, slot 1): answer took 300 s, outside 90-240 s")).build();
        LoopCompleted selfPractice = LoopCompleted.newBuilder().setMetadata(meta(org, client, "loop-b", 3, 20)).setLoopId("loop-b").setAbandoned(true)
                .setQuestionsAsked(2).setAnswersGiven(1).setAnswersInTargetTime(1).setPrinciples(List.of(alone)).setStoryUse(List.of())
                .setWarnings(List.of()).build();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (LoopCompleted completed : List.of(interviewed, selfPractice, interviewed)) { // redelivered: applied once
                producer.send(new ProducerRecord<>(Topics.PRACTICE_EVENTS, client, CODEC.encode(completed))).get();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> timeline(client, "text/csv").body().contains("loop-b"));
        assertThat(timeline(client, "text/csv").body().lines().toList()).containsExactly(
                "at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,meanRatingScore,abandoned,interviewDate",
                "2026-10-01T09:10:00Z,LOOP,,,,,,,loop-a,2,1,3.0,false,",
                "2026-10-01T09:20:00Z,LOOP,,,,,,,loop-b,1,1,,true,");
        assertThat(timeline(client, null).body()).contains("\"kind\":\"LOOP\"").contains("\"meanRatingScore\":3.0");
    }

    @Test
    void aScorecardArrivingBeforeItsRevisionGivesTheSameSeriesAsInOrderDelivery() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.client(org, client);
        String s1 = client + "-s1";
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, client, CODEC.encode(pass(org, client, s1, PrincipleCode.FRUGALITY, 3)))).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select count(*) from coverage.coverage_fact where client_id = ?", Long.class, client) == 1);
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, CODEC.encode(draft(org, client, s1, PrincipleCode.FRUGALITY, 2)))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> timeline(client, "text/csv").body().contains(",19,"));
        // folded in the order the events happened: the unscored draft first, then its scorecard
        assertThat(timeline(client, "text/csv").body().lines().toList()).containsExactly(
                "at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,meanRatingScore,abandoned,interviewDate",
                "2026-10-01T09:02:00Z,READINESS,0,,0,1,,,,,,,,",
                "2026-10-01T09:03:00Z,READINESS,19,80.0,1,1,,,,,,,,");
    }

    @Test
    void aPoisonRecordOnPracticeEventsIsDeadLetteredAndRatingsContinue() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.client(org, client);
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.PRACTICE_EVENTS, client, "not an event".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.PRACTICE_EVENTS, client, CODEC.encode(AnswerRated.newBuilder()
                    .setMetadata(meta(org, client, "loop-9", 1, 7)).setLoopId("loop-9").setQuestionId("q").setInterviewIndex(0).setSlotIndex(0)
                    .setInterviewerId("i").setRating(AnswerRating.STRONGLY_INCLINED).setNotes(null).build()))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> timeline(client, null).statusCode() == 200);
        assertThat(timeline(client, "text/csv").body().lines().toList()).containsExactly(
                "at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,meanRatingScore,abandoned,interviewDate",
                "2026-10-01T09:07:00Z,RATING,,,,,STRONGLY_INCLINED,4,loop-9,,,,,");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(
                Topics.deadLetter(Topics.PRACTICE_EVENTS, "coverage-client-timeline"),
                read -> read.stream().anyMatch(r -> client.equals(r.key())), Duration.ofSeconds(60));
        assertThat(dead.stream().filter(r -> client.equals(r.key())).map(r -> TestKafka.headers(r).get("dlq-original-topic")))
                .containsExactly(Topics.PRACTICE_EVENTS);
    }

    @Test
    void anUnknownClientHasNoTimeline() throws Exception {
        token = TestTokens.orgAdmin("org-" + UUID.randomUUID());
        assertThat(timeline("nobody-" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    }
}
