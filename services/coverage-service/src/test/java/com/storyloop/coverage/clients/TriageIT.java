package com.storyloop.coverage.clients;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The triage list: clients interviewing within N days, largest readiness gap first. */
class TriageIT extends CoverageServiceIT {

    private static final EventCodec CODEC = new EventCodec();

    private HttpResponse<String> triage(String org, String query, String accept) throws Exception {
        return get("/api/orgs/" + org + "/triage" + query, accept);
    }

    static byte[] bank(String org, String client, LocalDate interview) {
        return CODEC.encode(StoryBankOpened.newBuilder().setMetadata(ClientTimelineIT.meta(org, client, client + "-bank", 1, 0))
                .setBankId(client + "-bank").setCoachId("coach-1").setTargetRole("PM").setTargetLevel(Level.L6).setInterviewDate(interview).build());
    }

    @Test
    void clientsInterviewingWithinTheWindowAreRankedByReadinessGap() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String ready = "ready-" + UUID.randomUUID();
        String unready = "unready-" + UUID.randomUUID();
        String later = "later-" + UUID.randomUUID();
        String past = "past-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, ready, bank(org, ready, today.plusDays(5)))).get();
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, unready, bank(org, unready, today.plusDays(10)))).get();
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, later, bank(org, later, today.plusDays(30)))).get();
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, past, bank(org, past, today.minusDays(1)))).get();
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, ready,
                    CODEC.encode(ClientTimelineIT.draft(org, ready, ready + "-s1", PrincipleCode.FRUGALITY, 1)))).get();
            producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, ready,
                    CODEC.encode(ClientTimelineIT.pass(org, ready, ready + "-s1", PrincipleCode.FRUGALITY, 2)))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> triage(org, "?days=14", "text/csv").body().contains(ready + ",coach-1," + today.plusDays(5) + ",5,19,81,1,1"));
        assertThat(triage(org, "?days=14", "text/csv").body().lines().toList()).containsExactly(
                "clientId,coachId,interviewDate,daysLeft,readiness,readinessGap,storiesAtPass,activeStories",
                unready + ",coach-1," + today.plusDays(10) + ",10,0,100,0,0",
                ready + ",coach-1," + today.plusDays(5) + ",5,19,81,1,1");

        HttpResponse<String> answer = triage(org, "", null);
        assertThat(answer.headers().firstValue("X-Consumer-Lag")).as("how far behind the log triage is").hasValueSatisfying(l -> assertThat(l).matches("[0-9]+"));
        String json = answer.body();
        assertThat(json).contains("\"consumerLag\":").contains("\"days\":14").contains("\"clientId\":\"" + unready + "\"").doesNotContain(later).doesNotContain(past);
        assertThat(json.indexOf(unready)).isLessThan(json.indexOf(ready));
        assertThat(triage(org, "?days=60", null).body()).contains(later).doesNotContain(past);
        assertThat(triage(org, "?days=-1", null).statusCode()).isEqualTo(400);
    }
}
