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

import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.content.QuestionPublished;
import com.storyloop.practice.support.PracticeParties;
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
 * A loop asks bank questions by id only from what its organisation is served: not another organisation's provider
 * questions, not a provider its organisation's own allow-list leaves out.
 */
class LoopContentIT extends PracticeServiceIT {

    @Autowired
    EventCodec codec;

    final String run = UUID.randomUUID().toString();
    final PracticeParties narrow = PracticeParties.fresh(NARROW);

    String questionId(String org, String provider) {
        return "q-" + org + "-" + provider + "-" + run;
    }

    void publishQuestion(String org, String provider) {
        EventMetadata m = EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(provider).setStreamId("pack-" + run)
                .setStreamVersion(1).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
                .setActor("provider:" + provider).build();
        SpecificRecord q = QuestionPublished.newBuilder().setMetadata(m).setProviderId(provider).setPackId("pack-" + org + "-" + run)
                .setPackVersion("1").setQuestionId(questionId(org, provider)).setPrinciple(PrincipleCode.OWNERSHIP)
                .setText("Question of " + provider + " for " + org).setProbes(List.of("And then?")).setLevel(null).build();
        KafkaProducer<String, byte[]> producer = TestKafka.producer();
        producer.send(new ProducerRecord<>(Topics.CONTENT_INBOUND, provider, codec.encode(q)));
        producer.flush();
    }

    long loopEvents(String loopId) {
        Long n = jdbc.queryForObject("select count(*) from events where stream_id = ?", Long.class, loopId);
        return n == null ? 0 : n;
    }

    @Test
    void aLoopAsksByIdOnlyTheQuestionsItsOrganisationIsServed() {
        // given a client of org-narrow (served mock-masters only) and questions from both providers to both organisations
        narrow.publishBank(codec);
        publishQuestion(NARROW, FIRST);
        publishQuestion(NARROW, SECOND);
        publishQuestion(ACME, SECOND);
        token = TestTokens.client(NARROW, narrow.clientId());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            post("/api/loop-plans", narrow.format()).assertStatus(200);
            assertThat(jdbc.queryForObject("select count(*) from provider_questions where question_id like ?", Integer.class, "%-" + run))
                    .isEqualTo(3);
        });
        String loopId = post("/api/loops", narrow.format()).assertStatus(201).json().get("loopId").asString();
        String loop = "/api/loops/" + loopId;

        // when the client asks, by id, the question of a provider org-narrow leaves out, and another organisation's question
        Response leftOut = post(loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", questionId(NARROW, FIRST)));
        Response foreign = post(loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", questionId(ACME, SECOND)));

        // then both are unknown to the bank and the loop did not move; the allowed provider's question is asked with its text
        leftOut.assertProblem(400, "questionId");
        foreign.assertProblem(400, "questionId");
        assertThat(loopEvents(loopId)).isEqualTo(1);
        post(loop + "/questions", Map.of("interviewIndex", 0, "slotIndex", 0, "questionId", questionId(NARROW, SECOND))).assertStatus(201);
        assertThat(get(loop).assertStatus(200).json().get("questions").get(0).get("text").asString())
                .isEqualTo("Question of " + SECOND + " for " + NARROW);
    }
}
