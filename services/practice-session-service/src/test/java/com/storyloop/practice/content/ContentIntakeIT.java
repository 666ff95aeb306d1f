package com.storyloop.practice.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.content.QuestionPublished;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import example.ContentProducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Partner questions flow in through content.inbound: valid ones show up with provenance, invalid ones are dead-lettered with the reason. */
class ContentIntakeIT extends PracticeServiceIT {

    @BeforeEach
    void signInAsOrgAdmin() {
        token = TestTokens.orgAdmin(ORG);
    }

    static final String ORG = "org-acme-coaching";
    static final String PROVIDER = "interview-kit-co";
    static final String DLQ = Topics.CONTENT_INBOUND + ".practice-content-intake.dlq";

    @Autowired
    EventCodec codec;

    final String pack = "pack-" + UUID.randomUUID();
    final KafkaProducer<String, byte[]> producer = TestKafka.producer();

    QuestionPublished question(String provider, String version, String id, PrincipleCode principle, String text) {
        EventMetadata m = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(ORG).setClientId(provider).setStreamId(pack)
                .setStreamVersion(1).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
                .setActor("provider:" + provider).build();
        return QuestionPublished.newBuilder().setMetadata(m).setProviderId(provider).setPackId(pack).setPackVersion(version).setQuestionId(id)
                .setPrinciple(principle).setText(text).setProbes(List.of("What exactly did you cut?", "What did it cost?", "What would you change?"))
                .setLevel(Level.L7).build();
    }

    void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, key, value));
        producer.flush();
    }

    void send(QuestionPublished q) {
        send(q.getProviderId(), codec.encode(q));
    }

    List<JsonNode> packQuestions() {
        JsonNode page = get("/api/questions?size=100&source=" + PROVIDER + "&principle=FRUGALITY").assertStatus(200).json();
        return page.get("items").values().stream().filter(q -> pack.equals(q.get("packId").asString(null))).toList();
    }

    @Test
    void validQuestionsAppearWithProvenanceAndInvalidOnesAreDeadLetteredWithTheirReasonWhileTheConsumerContinues() {
        String stranger = "stranger-" + UUID.randomUUID();
        String garbageKey = "garbage-" + UUID.randomUUID();
        send(question(PROVIDER, "1", "q1", PrincipleCode.FRUGALITY, "Tell me about a time you delivered more with less."));
        send(question(PROVIDER, "1", "bad-principle", PrincipleCode.UNKNOWN, "Which principle is this?"));
        send(question(stranger, "1", "q-stranger", PrincipleCode.FRUGALITY, "Not on the allow-list"));
        send(question(PROVIDER, "1", "no-text", PrincipleCode.FRUGALITY, " "));
        send(garbageKey, "not an event".getBytes(StandardCharsets.UTF_8));
        send(question(PROVIDER, "1", "q2", PrincipleCode.FRUGALITY, "Tell me about a budget you cut and what it cost."));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(packQuestions()).hasSize(2));
        JsonNode q1 = packQuestions().get(0);
        assertThat(q1.get("questionId").asString()).isEqualTo("q1");
        assertThat(q1.get("source").asString()).isEqualTo(PROVIDER);
        assertThat(q1.get("providerId").asString()).isEqualTo(PROVIDER);
        assertThat(q1.get("packVersion").asString()).isEqualTo("1");
        assertThat(q1.get("level").asString()).isEqualTo("L7");
        assertThat(q1.get("probes").size()).isEqualTo(3);

        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DLQ, all -> ours(all, stranger, garbageKey).size() >= 4, Duration.ofSeconds(60));
        assertThat(ours(dead, stranger, garbageKey)).extracting(r -> TestKafka.headers(r).get("dlq-reason"))
                .containsExactlyInAnyOrder("INVALID_PRINCIPLE", "PROVIDER_NOT_ALLOWED", "MISSING_FIELD", "NOT_SINGLE_OBJECT");

        List<ConsumerRecord<String, byte[]>> published = TestKafka.readUntil(Topics.CONTENT_EVENTS, all -> mentionsPack(all).size() >= 2,
                Duration.ofSeconds(60));
        assertThat(mentionsPack(published)).extracting(r -> ((QuestionPublished) codec.decode(r.value())).getQuestionId())
                .containsExactlyInAnyOrder("q1", "q2");
    }

    @Test
    void everyOtherKindOfInvalidQuestionIsDeadLetteredWithItsReasonAndTheConsumerContinues() {
        byte[] unknownFingerprint = codec.encode(question(PROVIDER, "1", "fingerprint", PrincipleCode.FRUGALITY, "Written with a schema nobody knows"));
        unknownFingerprint[2] ^= 0x5A; // the 8-byte fingerprint follows the 2-byte marker
        unknownFingerprint[3] ^= 0x5A;
        send(PROVIDER, unknownFingerprint);
        byte[] whole = codec.encode(question(PROVIDER, "1", "cut", PrincipleCode.FRUGALITY, "A body cut short " + "x".repeat(200)));
        send(PROVIDER, Arrays.copyOf(whole, whole.length - 150));
        send("another-provider", codec.encode(question(PROVIDER, "1", "key", PrincipleCode.FRUGALITY, "Keyed by another provider")));
        send(question(PROVIDER, "1", "nul", PrincipleCode.FRUGALITY, "A question with a \u0000 inside"));
        send(question(PROVIDER, "1", "long", PrincipleCode.FRUGALITY, "w".repeat(2_001)));
        send(QuestionPublished.newBuilder(question(PROVIDER, "1", "level", PrincipleCode.FRUGALITY, "At which level?")).setLevel(Level.UNKNOWN).build());
        send(QuestionPublished.newBuilder(question(PROVIDER, "1", "probes", PrincipleCode.FRUGALITY, "So many follow-ups?"))
                .setProbes(Collections.nCopies(21, "And then?")).build());
        send(QuestionPublished.newBuilder(question(PROVIDER, "1", "blank-probe", PrincipleCode.FRUGALITY, "A blank follow-up?"))
                .setProbes(List.of("What exactly did you cut?", " ")).build());
        send(QuestionPublished.newBuilder(question(PROVIDER, "1", "nul-probe", PrincipleCode.FRUGALITY, "A follow-up with a NUL?"))
                .setProbes(List.of("What did it cost\u0000?")).build());
        send(question(PROVIDER, "1", "last", PrincipleCode.FRUGALITY, "Tell me about the cheapest fix you ever shipped."));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(packQuestions()).extracting(q -> q.get("questionId").asString()).containsExactly("last"));
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DLQ, all -> mentionsPack(all).size() >= 9, Duration.ofSeconds(60));
        assertThat(mentionsPack(dead)).extracting(r -> TestKafka.headers(r).get("dlq-reason")).containsExactlyInAnyOrder("UNKNOWN_FINGERPRINT",
                "CORRUPT_BODY", "KEY_MISMATCH", "INVALID_TEXT", "TEXT_TOO_LONG", "INVALID_LEVEL", "TOO_MANY_PROBES", "INVALID_PROBE", "INVALID_TEXT");
    }

    @Test
    void theSamePackSentTwiceChangesNothing() {
        send(question(PROVIDER, "1", "q1", PrincipleCode.FRUGALITY, "Tell me about a time you delivered more with less."));
        send(question(PROVIDER, "1", "q1", PrincipleCode.FRUGALITY, "Tell me about a time you delivered more with less."));
        send(question(PROVIDER, "1", "marker", PrincipleCode.FRUGALITY, "Marks that the duplicate was processed."));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(packQuestions()).hasSize(2));
        Long stored = jdbc.queryForObject("select count(*) from provider_questions where pack_id = ?", Long.class, pack);
        assertThat(stored).isEqualTo(2);
        // the marker went in after the duplicate on the same key, so once it is re-published a duplicate would be there too
        assertThat(mentionsPack(TestKafka.readUntil(Topics.CONTENT_EVENTS, all -> mentionsPack(all).stream()
                .anyMatch(r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains("Marks that the duplicate")), Duration.ofSeconds(60))))
                .hasSize(2);
    }

    @Test
    void aNewPackVersionReplacesThePreviousOneQuestionsItDropsDisappearAndAnOlderVersionSentLaterIsRefused() {
        send(question(PROVIDER, "1", "q1", PrincipleCode.FRUGALITY, "Tell me about a time you delivered more with less."));
        send(question(PROVIDER, "1", "q2", PrincipleCode.FRUGALITY, "Tell me about a budget you cut."));
        send(question(PROVIDER, "1", "dropped", PrincipleCode.FRUGALITY, "Not in version 2."));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(packQuestions()).hasSize(3));

        send(question(PROVIDER, "2", "q1", PrincipleCode.FRUGALITY, "Tell me about the leanest project you ran."));
        send(question(PROVIDER, "2", "q2", PrincipleCode.FRUGALITY, "Tell me about a budget you cut."));
        send(question(PROVIDER, "2", "q3", PrincipleCode.FRUGALITY, "New in version 2."));
        send(question(PROVIDER, "2", "q3", PrincipleCode.FRUGALITY, "New in version 2.")); // and the new version sent twice
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(packQuestions())
                .extracting(q -> q.get("questionId").asString() + "@" + q.get("packVersion").asString())
                .containsExactlyInAnyOrder("q1@2", "q2@2", "q3@2"));
        assertThat(packQuestions()).filteredOn(q -> q.get("questionId").asString().equals("q1")).singleElement()
                .satisfies(q -> assertThat(q.get("text").asString()).isEqualTo("Tell me about the leanest project you ran."));

        // a stale resend of version 1 after version 2: refused, the bank keeps version 2
        send(question(PROVIDER, "1", "dropped", PrincipleCode.FRUGALITY, "Not in version 2."));
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DLQ, all -> !mentionsPack(all).isEmpty(), Duration.ofSeconds(60));
        assertThat(mentionsPack(dead)).extracting(r -> TestKafka.headers(r).get("dlq-reason")).containsExactly("STALE_PACK_VERSION");
        assertThat(packQuestions()).extracting(q -> q.get("questionId").asString()).containsExactlyInAnyOrder("q1", "q2", "q3");
        Long stored = jdbc.queryForObject("select count(*) from provider_questions where pack_id = ?", Long.class, pack);
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void theExampleProducersPackShowsUpInTheQuestionBankWithProvenance() throws Exception {
        Path history = Path.of(System.getProperty("storyloop.root", "../.."), "schemas", "history");

        ContentProducer.send(producer, history, ORG, PROVIDER, pack, "3", ContentProducer.examplePack());

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode page = get("/api/questions?size=100&source=" + PROVIDER).assertStatus(200).json();
            List<JsonNode> mine = page.get("items").values().stream().filter(q -> pack.equals(q.get("packId").asString(null))).toList();
            assertThat(mine).extracting(q -> q.get("questionId").asString()).containsExactlyInAnyOrder("frugality-07", "dive-deep-03");
            assertThat(mine).allSatisfy(q -> assertThat(q.get("packVersion").asString()).isEqualTo("3"));
            assertThat(mine).filteredOn(q -> q.get("questionId").asString().equals("dive-deep-03")).singleElement()
                    .satisfies(q -> assertThat(q.get("level").asString()).isEqualTo("L7"));
        });
    }

    List<ConsumerRecord<String, byte[]>> ours(List<ConsumerRecord<String, byte[]>> records, String stranger, String garbageKey) {
        return records.stream().filter(r -> garbageKey.equals(r.key()) || stranger.equals(r.key())
                || (r.value() != null && new String(r.value(), StandardCharsets.ISO_8859_1).contains(pack))).toList();
    }

    List<ConsumerRecord<String, byte[]>> mentionsPack(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains(pack)).toList();
    }
}
