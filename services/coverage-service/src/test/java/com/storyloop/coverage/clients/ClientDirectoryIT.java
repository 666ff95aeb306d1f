package com.storyloop.coverage.clients;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events on story.events reach the coverage service's client directory, once, even when delivered twice. */
class ClientDirectoryIT extends CoverageServiceIT {

    @Test
    void aBankOpenedOnStoryEventsAppearsInTheOrganisationsClientListOnce() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        StoryBankOpened opened = StoryBankOpened.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(client)
                        .setStreamId("bank-1").setStreamVersion(1).setOccurredAt(Instant.now()).setCorrelationId("c").setActor("test").build())
                .setBankId("bank-1").setCoachId("coach-1").setTargetRole("Senior PM").setTargetLevel(Level.L6)
                .setInterviewDate(LocalDate.parse("2027-02-01")).build();
        byte[] bytes = new EventCodec().encode(opened);
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, bytes)).get();
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, bytes)).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/orgs/" + org + "/clients").body().contains(client));
        String body = get("/api/orgs/" + org + "/clients").body();
        assertThat(body).contains("\"bankId\":\"bank-1\"").contains("\"interviewDate\":\"2027-02-01\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.inbox where consumer_group = ? and event_id = ?", Long.class, "coverage-client-directory",
                opened.getMetadata().getEventId()) == 1);
        assertThat(jdbc.queryForObject("select count(*) from coverage.client_directory where org_id = ?", Long.class, org)).isEqualTo(1);
    }
}
