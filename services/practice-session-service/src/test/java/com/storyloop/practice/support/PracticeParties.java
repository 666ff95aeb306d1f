package com.storyloop.practice.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;

/** A client of an organisation with a coach and a one-story bank, published on story.events as story-service would. */
public record PracticeParties(String orgId, String clientId, String coachId, String bankId, String storyId) {

    public static PracticeParties fresh(String orgId) {
        String client = "client-" + UUID.randomUUID();
        return new PracticeParties(orgId, client, "coach-" + UUID.randomUUID(), "bank-" + UUID.randomUUID(), "story-" + UUID.randomUUID());
    }

    public EventMetadata metadata(String stream) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(orgId).setClientId(clientId).setStreamId(stream)
                .setStreamVersion(1).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
                .setActor("test").build();
    }

    public void publishBank(EventCodec codec) {
        List<SpecificRecord> events = List.of(
                StoryBankOpened.newBuilder().setMetadata(metadata(bankId)).setBankId(bankId).setCoachId(coachId).setTargetRole("PM")
                        .setTargetLevel(Level.L6).setInterviewDate(null).build(),
                StoryDrafted.newBuilder().setMetadata(metadata(storyId)).setBankId(bankId).setStoryId(storyId).setRevision(1).setTitle("Launch")
                        .setSituation(null).setTask(null).setAction(null).setResult(null).setText("I owned the launch and shipped it.")
                        .setPrinciples(List.of(PrincipleCode.OWNERSHIP)).setProjectTag(null).build());
        KafkaProducer<String, byte[]> producer = TestKafka.producer();
        for (SpecificRecord event : events) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, clientId, codec.encode(event)));
        }
        producer.flush();
    }

    /** A one-question loop format for this client, asking OWNERSHIP. */
    public Map<String, Object> format() {
        return Map.of("orgId", orgId, "clientId", clientId, "interviews", 1, "questionsPerInterview", 1, "principles", List.of("OWNERSHIP"));
    }

    public Map<String, Object> ask() {
        return Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", "ow-01");
    }

    public Map<String, Object> answer() {
        return Map.of("interviewIndex", 0, "slotIndex", 0, "storyId", storyId, "storyRevision", 1, "durationSeconds", 150);
    }
}
