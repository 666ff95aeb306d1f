package com.storyloop.practice.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.content.ExampleStoryPublished;
import com.storyloop.events.content.QuestionPublished;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.practice.support.ContentOrganisations.ACME;
import static com.storyloop.practice.support.ContentOrganisations.FIRST;
import static com.storyloop.practice.support.ContentOrganisations.NARROW;
import static com.storyloop.practice.support.ContentOrganisations.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-organisation content allow-list (issue 7): the installation-wide list decides what is accepted at all; each
 * member is served only their own organisation's provider content, and only from the providers their organisation allows
 * (org-narrow allows only mock-masters; org-acme-coaching has no list of its own and gets every provider it accepts).
 */
class ContentAllowListIT extends PracticeServiceIT {

    @Autowired
    EventCodec codec;

    final String run = UUID.randomUUID().toString();
    final KafkaProducer<String, byte[]> producer = TestKafka.producer();

    static String pack(String org, String provider, String run) {
        return "pack-" + org + "-" + provider + "-" + run;
    }

    EventMetadata metadata(String org, String provider) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(provider).setStreamId(pack(org, provider, run))
                .setStreamVersion(1).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
                .setActor("provider:" + provider).build();
    }

    void publish(String org, String provider) {
        String pack = pack(org, provider, run);
        SpecificRecord question = QuestionPublished.newBuilder().setMetadata(metadata(org, provider)).setProviderId(provider).setPackId(pack)
                .setPackVersion("1").setQuestionId("q-" + pack).setPrinciple(PrincipleCode.FRUGALITY).setText("Tell me about doing more with less.")
                .setProbes(List.of("What did you cut?")).setLevel(null).build();
        SpecificRecord example = ExampleStoryPublished.newBuilder().setMetadata(metadata(org, provider)).setProviderId(provider).setPackId(pack)
                .setPackVersion("1").setExampleId("x-" + pack).setTitle("Cutting the test bill").setPrinciples(List.of(PrincipleCode.FRUGALITY))
                .setSituation("Our CI bill doubled.").setTask("I owned it.").setAction("I moved suites to spot runners.")
                .setResult("The bill fell 40%.").setVerdict(Verdict.PASS).setCommentary("Numbers.").setLevel(null).build();
        producer.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, provider, codec.encode(question)));
        producer.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, provider, codec.encode(example)));
        producer.flush();
    }

    long stored(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table + " where pack_id like ?", Long.class, "%-" + run);
        return n == null ? 0 : n;
    }

    /** The packs of this run whose items the caller is served, from the question bank or the example library. */
    List<String> servedPacks(String caller, String path) {
        JsonNode page = send("GET", path + "?size=100&principle=FRUGALITY", null, Map.of("Authorization", TestTokens.bearer(caller)))
                .assertStatus(200).json();
        return page.get("items").values().stream().map(i -> i.get("packId").asString(null)).filter(p -> p != null && p.endsWith("-" + run))
                .sorted().toList();
    }

    @Test
    void eachMemberIsServedOnlyTheirOrganisationsContentFromTheProvidersItAllows() {
        // given both providers publishing to both organisations, all accepted by the installation-wide list
        publish(ACME, FIRST);
        publish(ACME, SECOND);
        publish(NARROW, FIRST);
        publish(NARROW, SECOND);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(stored("provider_questions")).isEqualTo(4);
            assertThat(stored("example_stories")).isEqualTo(4);
        });

        for (String path : List.of("/api/questions", "/api/example-stories")) {
            // when members of each organisation and an operator list the content
            List<String> acme = servedPacks(TestTokens.client(ACME, "client-" + run), path);
            List<String> narrow = servedPacks(TestTokens.client(NARROW, "client-" + run), path);
            List<String> narrowAdmin = servedPacks(TestTokens.orgAdmin(NARROW), path);
            List<String> operator = servedPacks(TestTokens.operator(), path);
            List<String> stranger = servedPacks(TestTokens.orgAdmin("org-stranger-" + run), path);

            // then acme gets both of its providers, narrow only the one it allows, and nobody another organisation's content
            assertThat(acme).as(path).containsExactly(pack(ACME, FIRST, run), pack(ACME, SECOND, run));
            assertThat(narrow).as(path).containsExactly(pack(NARROW, SECOND, run));
            assertThat(narrowAdmin).as(path).isEqualTo(narrow);
            assertThat(operator).as(path).isEmpty();
            assertThat(stranger).as(path).isEmpty();
        }
        // and the operator still gets the built-in bank
        JsonNode builtIn = send("GET", "/api/questions?source=built-in&size=1", null, Map.of("Authorization", TestTokens.bearer(TestTokens.operator())))
                .assertStatus(200).json();
        assertThat(builtIn.get("totalItems").asInt()).isGreaterThanOrEqualTo(96);
    }
}
