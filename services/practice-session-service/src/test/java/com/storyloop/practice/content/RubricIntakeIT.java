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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.content.RubricPublished;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner rubrics: valid ones are re-published on content.events for scoring to offer; each kind of invalid one is dead-lettered. */
class RubricIntakeIT extends PracticeServiceIT {

    @Autowired
    EventCodec codec;

    final String pack = "pack-" + UUID.randomUUID();
    final KafkaProducer<String, byte[]> producer = TestKafka.producer();

    RubricPublished rubric(String id, String version, Consumer<RubricPublished.Builder> change) {
        EventMetadata m = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(ContentIntakeIT.ORG)
                .setClientId(ContentIntakeIT.PROVIDER).setStreamId(pack).setStreamVersion(1).setOccurredAt(Instant.now())
                .setCorrelationId(id).setCausationId(null).setActor("provider:" + ContentIntakeIT.PROVIDER).build();
        RubricPublished.Builder b = RubricPublished.newBuilder().setMetadata(m).setProviderId(ContentIntakeIT.PROVIDER).setPackId(pack)
                .setPackVersion("1").setRubricVersion(version).setTitle("Kit rubric " + id)
                .setDefinition("{\"version\": \"" + version + "\", \"speaking\": {\"wordsPerMinute\": 140}}");
        change.accept(b);
        return b.build();
    }

    void send(RubricPublished r) {
        producer.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, r.getProviderId(), codec.encode(r)));
        producer.flush();
    }

    @Test
    void aValidRubricIsRePublishedAndEachKindOfInvalidOneIsDeadLetteredWithItsReason() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        send(rubric("valid", "kit-" + suffix, b -> { }));
        send(rubric("no-definition", "kit-a-" + suffix, b -> b.setDefinition(" ")));
        send(rubric("no-version", "", b -> { }));
        send(rubric("bad-version", "kit 2025/1 " + suffix, b -> { }));
        send(rubric("long-title", "kit-b-" + suffix, b -> b.setTitle("t".repeat(201))));
        send(rubric("long-definition", "kit-c-" + suffix, b -> b.setDefinition("{\"version\": \"kit-c-" + suffix + "\", \"pad\": \""
                + "x".repeat(500_000) + "\"}")));
        send(rubric("not-json", "kit-d-" + suffix, b -> b.setDefinition("thresholds: high")));
        send(rubric("json-array", "kit-e-" + suffix, b -> b.setDefinition("[1, 2]")));
        send(rubric("other-version", "kit-f-" + suffix, b -> b.setDefinition("{\"version\": \"something-else\"}")));

        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(ContentIntakeIT.DLQ, all -> mentionsPack(all).size() >= 8,
                Duration.ofSeconds(90));
        Map<String, String> reasons = mentionsPack(dead).stream().collect(Collectors.toMap(
                r -> ((RubricPublished) codec.decode(r.value())).getMetadata().getCorrelationId(), r -> TestKafka.headers(r).get("dlq-reason")));
        assertThat(reasons).isEqualTo(Map.of(
                "no-definition", "MISSING_FIELD",
                "no-version", "MISSING_FIELD",
                "bad-version", "INVALID_RUBRIC_VERSION",
                "long-title", "TEXT_TOO_LONG",
                "long-definition", "TEXT_TOO_LONG",
                "not-json", "INVALID_DEFINITION",
                "json-array", "INVALID_DEFINITION",
                "other-version", "VERSION_MISMATCH"));

        List<ConsumerRecord<String, byte[]>> published = TestKafka.readUntil(Topics.CONTENT_EVENTS, all -> !mentionsPack(all).isEmpty(),
                Duration.ofSeconds(60));
        assertThat(mentionsPack(published)).singleElement().satisfies(r -> {
            RubricPublished accepted = (RubricPublished) codec.decode(r.value());
            assertThat(accepted.getRubricVersion()).isEqualTo("kit-" + suffix);
            assertThat(accepted.getProviderId()).isEqualTo(ContentIntakeIT.PROVIDER);
            assertThat(accepted.getPackVersion()).isEqualTo("1");
            assertThat(r.key()).isEqualTo(ContentIntakeIT.PROVIDER);
        });
    }

    @Test
    void theSameRubricSentTwiceIsRePublishedOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        send(rubric("first", "kit-" + suffix, b -> b.setTitle("Kit rubric")));
        send(rubric("again", "kit-" + suffix, b -> b.setTitle("Kit rubric"))); // the same rubric, in a new envelope
        send(rubric("marker", "kit-marker-" + suffix, b -> { }));

        // the marker follows the repeat on the same key: once it is out, a re-published repeat would be too
        List<ConsumerRecord<String, byte[]>> published = TestKafka.readUntil(Topics.CONTENT_EVENTS, all -> mentionsPack(all).stream()
                .anyMatch(r -> ((RubricPublished) codec.decode(r.value())).getRubricVersion().startsWith("kit-marker-")), Duration.ofSeconds(90));
        assertThat(mentionsPack(published)).extracting(r -> ((RubricPublished) codec.decode(r.value())).getMetadata().getCorrelationId())
                .containsExactly("first", "marker");
    }

    List<ConsumerRecord<String, byte[]>> mentionsPack(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.value() != null && new String(r.value(), StandardCharsets.ISO_8859_1).contains(pack)).toList();
    }
}
