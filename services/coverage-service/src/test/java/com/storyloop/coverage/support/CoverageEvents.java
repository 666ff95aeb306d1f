package com.storyloop.coverage.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.practice.AnswerRated;
import com.storyloop.events.practice.AnswerRating;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;

/** The few bank, scoring and practice events the access tests need: a client with a coach, a story, a PASS, a rating. */
public final class CoverageEvents {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private CoverageEvents() {
    }

    public static EventMetadata meta(String org, String client, String stream, long version, int minute) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(client).setStreamId(stream)
                .setStreamVersion(version).setOccurredAt(T0.plusSeconds(60L * minute)).setCorrelationId("corr").setActor("test").build();
    }

    /** The bank's stream names the organisation too: a stream belongs to one organisation, and tests reuse client ids across them. */
    public static StoryBankOpened bankOpened(String org, String client, String coach, LocalDate interview) {
        return StoryBankOpened.newBuilder().setMetadata(meta(org, client, bank(org, client), 1, 0)).setBankId(bank(org, client)).setCoachId(coach)
                .setTargetRole("PM").setTargetLevel(Level.L6).setInterviewDate(interview).build();
    }

    public static StoryDrafted drafted(String org, String client, String story, PrincipleCode principle, int minute) {
        return StoryDrafted.newBuilder().setMetadata(meta(org, client, story, 1, minute)).setBankId(bank(org, client)).setStoryId(story).setRevision(1)
                .setTitle(story).setText("I decided " + story + " alpha beta gamma delta " + minute).setPrinciples(List.of(principle)).build();
    }

    public static RevisionScored passed(String org, String client, String story, PrincipleCode principle, int minute) {
        return RevisionScored.newBuilder().setMetadata(meta(org, client, "scorecard-" + story, 1, minute)).setStoryId(story)
                .setBankId(bank(org, client)).setRevision(1).setRubricVersion("1").setVerdict(Verdict.PASS).setOverall(80).setDecidingRule("overall 80")
                .setDimensions(List.of()).setFlags(List.of()).setPrinciples(List.of(new PrincipleFit(principle, 0.8, true, List.of())))
                .setMeasurements(new Measurements(300, 40, 40, 140, 80, 0.73, 130, 140, 6, 1)).setLevelSignals(List.of()).setWarnings(List.of())
                .build();
    }

    public static AnswerRated rated(String org, String client, String loop, AnswerRating rating, int minute) {
        return AnswerRated.newBuilder().setMetadata(meta(org, client, client + "-" + loop, 1, minute)).setLoopId(loop).setQuestionId("q1")
                .setInterviewIndex(0).setSlotIndex(0).setInterviewerId("interviewer").setRating(rating).setNotes(null).build();
    }

    public static String bank(String org, String client) {
        return client + "-bank-" + org;
    }

    /** Sends each event on its topic, keyed by the client as the producers do. */
    public static void send(String client, SpecificRecord... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (SpecificRecord e : events) {
                String topic = e instanceof RevisionScored ? Topics.SCORING_EVENTS : e instanceof AnswerRated ? Topics.PRACTICE_EVENTS : Topics.STORY_EVENTS;
                producer.send(new ProducerRecord<>(topic, client, CODEC.encode(e))).get();
            }
        }
    }
}
