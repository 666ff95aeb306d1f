package com.storyloop.practice.content;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
import com.storyloop.events.Verdict;
import com.storyloop.events.content.ExampleStoryPublished;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Partner example stories flow in through content.inbound into the library with provenance; each kind of invalid one is dead-lettered. */
class ExampleStoryLibraryIT extends PracticeServiceIT {

    @BeforeEach
    void signInAsOrgAdmin() {
        token = TestTokens.orgAdmin(ORG);
    }

    static final String ORG = ContentIntakeIT.ORG;
    static final String PROVIDER = ContentIntakeIT.PROVIDER;

    @Autowired
    EventCodec codec;

    final String pack = "pack-" + UUID.randomUUID();
    final KafkaProducer<String, byte[]> producer = TestKafka.producer();

    ExampleStoryPublished example(String provider, String version, String id, Consumer<ExampleStoryPublished.Builder> change) {
        EventMetadata m = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(ORG).setClientId(provider).setStreamId(pack)
                .setStreamVersion(1).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
                .setActor("provider:" + provider).build();
        ExampleStoryPublished.Builder b = ExampleStoryPublished.newBuilder().setMetadata(m).setProviderId(provider).setPackId(pack)
                .setPackVersion(version).setExampleId(id).setTitle("Cutting the test bill by 40%")
                .setPrinciples(List.of(PrincipleCode.FRUGALITY, PrincipleCode.DIVE_DEEP))
                .setSituation("Our CI bill doubled in a quarter.").setTask("I owned bringing it back under budget.")
                .setAction("I profiled the slowest suites and moved them to spot runners.").setResult("The bill fell 40% in six weeks.")
                .setVerdict(Verdict.PASS).setCommentary("Numbers, ownership and a trade-off.").setLevel(null);
        change.accept(b);
        return b.build();
    }

    void send(ExampleStoryPublished x) {
        producer.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, x.getProviderId(), codec.encode(x)));
        producer.flush();
    }

    List<JsonNode> library(String query) {
        JsonNode page = get("/api/example-stories?size=100&provider=" + PROVIDER + query).assertStatus(200).json();
        return page.get("items").values().stream().filter(x -> pack.equals(x.get("packId").asString(null))).toList();
    }

    @Test
    void validExamplesAreServedWithProvenanceAndRePublishedAndEachKindOfInvalidOneIsDeadLetteredWithItsReason() {
        String stranger = "stranger-" + UUID.randomUUID();
        send(example(PROVIDER, "1", "star", b -> { }));
        send(example(PROVIDER, "1", "free-l7", b -> b.setSituation(null).setTask(null).setAction(null).setResult(null)
                .setText("I took the org-wide cost review and cut spend across six teams.").setLevel(Level.L7).setVerdict(Verdict.FAIL)
                .setPrinciples(List.of(PrincipleCode.THINK_BIG))));
        Map<String, String> expectedReasons = Map.of(
                "no-title", "MISSING_FIELD",
                "no-principles", "MISSING_FIELD",
                "unknown-principle", "INVALID_PRINCIPLE",
                "unknown-verdict", "INVALID_VERDICT",
                "unknown-level", "INVALID_LEVEL",
                "both-bodies", "INVALID_BODY",
                "long-title", "TEXT_TOO_LONG",
                "long-section", "TEXT_TOO_LONG",
                "long-story", "TEXT_TOO_LONG",
                "nul", "INVALID_TEXT");
        send(example(PROVIDER, "1", "no-title", b -> b.setTitle(" ")));
        send(example(PROVIDER, "1", "no-principles", b -> b.setPrinciples(List.of())));
        send(example(PROVIDER, "1", "unknown-principle", b -> b.setPrinciples(List.of(PrincipleCode.UNKNOWN))));
        send(example(PROVIDER, "1", "unknown-verdict", b -> b.setVerdict(Verdict.UNKNOWN)));
        send(example(PROVIDER, "1", "unknown-level", b -> b.setLevel(Level.UNKNOWN)));
        send(example(PROVIDER, "1", "both-bodies", b -> b.setText("Also a free text.")));
        send(example(PROVIDER, "1", "long-title", b -> b.setTitle("t".repeat(201))));
        send(example(PROVIDER, "1", "long-section", b -> b.setAction("a".repeat(8_001))));
        send(example(PROVIDER, "1", "long-story", b -> b.setSituation("s".repeat(7_000)).setTask("t".repeat(7_000)).setAction("a".repeat(7_000))));
        send(example(PROVIDER, "1", "nul", b -> b.setResult("The bill fell\u0000.")));
        send(example(stranger, "1", "stranger", b -> { }));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(library("")).hasSize(2));
        JsonNode star = library("").stream().filter(x -> x.get("exampleId").asString().equals("star")).findFirst().orElseThrow();
        assertThat(star.get("source").asString()).isEqualTo(PROVIDER);
        assertThat(star.get("providerId").asString()).isEqualTo(PROVIDER);
        assertThat(star.get("packVersion").asString()).isEqualTo("1");
        assertThat(star.get("verdict").asString()).isEqualTo("PASS");
        assertThat(star.get("action").asString()).startsWith("I profiled");
        assertThat(star.get("text").isNull()).isTrue();
        assertThat(star.get("principles").values()).extracting(JsonNode::asString).containsExactly("FRUGALITY", "DIVE_DEEP");
        assertThat(library("&principle=THINK_BIG")).extracting(x -> x.get("exampleId").asString()).containsExactly("free-l7");
        assertThat(library("&principle=FRUGALITY")).extracting(x -> x.get("exampleId").asString()).containsExactly("star");
        // an example for any level suits every level; an L7 one only L7
        assertThat(library("&level=L6")).extracting(x -> x.get("exampleId").asString()).containsExactly("star");
        assertThat(library("&level=L7")).extracting(x -> x.get("exampleId").asString()).containsExactlyInAnyOrder("star", "free-l7");
        JsonNode firstPage = get("/api/example-stories?provider=" + PROVIDER + "&page=0&size=1").assertStatus(200).json();
        assertThat(firstPage.get("items").size()).isEqualTo(1);
        assertThat(firstPage.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);

        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(ContentIntakeIT.DLQ, all -> mentionsPack(all).size() >= 11,
                Duration.ofSeconds(60));
        Map<String, String> reasons = mentionsPack(dead).stream().collect(Collectors.toMap(
                r -> ((ExampleStoryPublished) codec.decode(r.value())).getExampleId(), r -> TestKafka.headers(r).get("dlq-reason")));
        assertThat(reasons).containsAllEntriesOf(expectedReasons).containsEntry("stranger", "PROVIDER_NOT_ALLOWED").hasSize(11);

        List<ConsumerRecord<String, byte[]>> published = TestKafka.readUntil(Topics.CONTENT_EVENTS, all -> mentionsPack(all).size() >= 2,
                Duration.ofSeconds(60));
        assertThat(mentionsPack(published)).extracting(r -> ((ExampleStoryPublished) codec.decode(r.value())).getExampleId())
                .containsExactlyInAnyOrder("star", "free-l7");
        assertThat(mentionsPack(published)).allSatisfy(r -> assertThat(r.key()).isEqualTo(PROVIDER));
    }

    @Test
    void aNewPackVersionReplacesTheLibrarysExamplesAndTheSamePackTwiceChangesNothing() {
        send(example(PROVIDER, "1", "kept", b -> { }));
        send(example(PROVIDER, "1", "kept", b -> { }));
        send(example(PROVIDER, "1", "dropped", b -> { }));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(library("")).hasSize(2));

        send(example(PROVIDER, "2", "kept", b -> b.setTitle("Cutting the test bill, revised")));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(library(""))
                .extracting(x -> x.get("exampleId").asString() + "@" + x.get("packVersion").asString() + ":" + x.get("title").asString())
                .containsExactly("kept@2:Cutting the test bill, revised"));
    }

    @Test
    void invalidFiltersAreProblemDetailsNamingTheField() {
        get("/api/example-stories?principle=NOPE").assertProblem(400, "principle");
        get("/api/example-stories?level=L9").assertProblem(400, "level");
        get("/api/example-stories?size=1000").assertProblem(400, "size");
    }

    List<ConsumerRecord<String, byte[]>> mentionsPack(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.value() != null && new String(r.value(), StandardCharsets.ISO_8859_1).contains(pack)).toList();
    }
}
