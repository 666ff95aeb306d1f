package com.storyloop.practice.loops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loop POSTs under concurrency: the same Idempotency-Key sent by racing retries gets one response and one event; a caller
 * whose If-Match names a version the loop has moved past gets 412, and of two racing writers from the same version exactly
 * one wins.
 */
class LoopConcurrencyIT extends PracticeServiceIT {

    @BeforeEach
    void signInAsOrgAdmin() {
        token = TestTokens.orgAdmin(ORG);
    }

    static final String ORG = "org-it";

    @Autowired
    EventCodec codec;

    final String client = "client-" + UUID.randomUUID();
    final String bank = "bank-" + UUID.randomUUID();
    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    EventMetadata metadata(String stream) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(ORG).setClientId(client).setStreamId(stream).setStreamVersion(1)
                .setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null).setActor("test").build();
    }

    /** A bank with one story for OWNERSHIP, and a 1x2 format asking it twice (the second slot stays unfilled, which is fine here). */
    Map<String, Object> bankAndFormat() {
        List<SpecificRecord> events = List.of(
                StoryBankOpened.newBuilder().setMetadata(metadata(bank)).setBankId(bank).setCoachId("coach-1").setTargetRole("PM")
                        .setTargetLevel(Level.L7).setInterviewDate(null).build(),
                StoryDrafted.newBuilder().setMetadata(metadata("s1")).setBankId(bank).setStoryId("s-" + client).setRevision(1).setTitle("Launch")
                        .setSituation(null).setTask(null).setAction(null).setResult(null).setText("I owned the launch and shipped it.")
                        .setPrinciples(List.of(PrincipleCode.OWNERSHIP)).setProjectTag(null).build());
        KafkaProducer<String, byte[]> producer = TestKafka.producer();
        for (SpecificRecord event : events) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, codec.encode(event)));
        }
        producer.flush();
        Map<String, Object> format = Map.of("orgId", ORG, "clientId", client, "interviews", 1, "questionsPerInterview", 2,
                "principles", List.of("OWNERSHIP", "FRUGALITY"));
        await().atMost(Duration.ofSeconds(90)).until(() -> post("/api/loop-plans", format).status() == 200);
        return format;
    }

    /** Sends the same request from several threads released together. */
    List<Response> race(int times, String path, Object body, Map<String, String> headers) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return send("POST", path, body, headers);
            }, pool));
        }
        start.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    long loopEventsOfClient(String type) {
        Long n = jdbc.queryForObject("select count(*) from events where partition_key = ? and event_type = ?", Long.class, client, type);
        return n == null ? 0 : n;
    }

    @Test
    void theSameIdempotencyKeySentByRacingRetriesReturnsOneResponseAndWritesOneEvent() {
        Map<String, Object> format = bankAndFormat();
        String key = UUID.randomUUID().toString();

        List<Response> planned = race(3, "/api/loops", format, Map.of("Idempotency-Key", key));

        assertThat(planned).allSatisfy(r -> r.assertStatus(201));
        assertThat(planned).extracting(Response::body).containsOnly(planned.get(0).body());
        assertThat(planned).extracting(r -> r.header("Location")).containsOnly(planned.get(0).header("Location"));
        assertThat(planned).filteredOn(r -> "true".equals(r.header("Idempotent-Replayed"))).hasSize(2);
        assertThat(loopEventsOfClient("LoopPlanned")).isEqualTo(1);

        // and a retried running command: one QuestionAsked, the same version in every response
        String loop = "/api/loops/" + planned.get(0).json().get("loopId").asString();
        Map<String, Object> ask = Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", "ow-01");
        String askKey = UUID.randomUUID().toString();
        List<Response> asked = race(3, loop + "/questions", ask, Map.of("Idempotency-Key", askKey));
        assertThat(asked).allSatisfy(r -> r.assertStatus(201));
        assertThat(asked).extracting(r -> r.header("ETag")).containsOnly("\"2\"");
        assertThat(loopEventsOfClient("QuestionAsked")).isEqualTo(1);

        // a later sequential retry is answered from the record too; the same key with another request is refused
        Response again = send("POST", loop + "/questions", ask, Map.of("Idempotency-Key", askKey)).assertStatus(201);
        assertThat(again.body()).isEqualTo(asked.get(0).body());
        send("POST", loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 1, "questionId", "ow-02"), Map.of("Idempotency-Key", askKey))
                .assertStatus(422);
        assertThat(loopEventsOfClient("QuestionAsked")).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIs412AndOfTwoWritersRacingFromTheSameVersionExactlyOneWins() {
        Map<String, Object> format = bankAndFormat();
        String loop = "/api/loops/" + post("/api/loops", format).assertStatus(201).json().get("loopId").asString();
        assertThat(get(loop).assertStatus(200).header("ETag")).isEqualTo("\"1\"");

        send("POST", loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", "ow-01"), Map.of("If-Match", "\"1\""))
                .assertStatus(201);
        Response stale = send("POST", loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 1, "questionId", "fr-01"),
                Map.of("If-Match", "\"1\"")).assertProblem(412, "If-Match");
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.json().get("detail").asString()).contains("version 2");

        // two interviewers answer from version 2 at once: one is appended, the other told the loop moved on
        Map<String, Object> answer = Map.of("interviewIndex", 0, "slotIndex", 0, "storyId", "s-" + client, "storyRevision", 1,
                "durationSeconds", 150);
        List<Response> racing = race(2, loop + "/answers", answer, Map.of("If-Match", "\"2\""));
        Map<Integer, Integer> statuses = new HashMap<>();
        racing.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        assertThat(statuses).isEqualTo(Map.of(201, 1, 412, 1));
        racing.stream().filter(r -> r.status() == 412).forEach(r -> r.assertProblem(412, "If-Match"));
        assertThat(loopEventsOfClient("AnswerGiven")).isEqualTo(1);
        assertThat(get(loop).header("ETag")).isEqualTo("\"3\"");
    }
}
