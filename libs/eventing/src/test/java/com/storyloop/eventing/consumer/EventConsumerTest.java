package com.storyloop.eventing.consumer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.kafka.TopicProvisioner;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.EventCodec;
import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.TestDatabases;
import com.storyloop.testsupport.TestInfrastructure;
import com.storyloop.testsupport.TestKafka;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealInfrastructure
class EventConsumerTest {

    static final EventCodec CODEC = new EventCodec();

    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    KafkaProducer<String, byte[]> producer;
    String topic;
    String group;
    EventConsumer consumer;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.freshSchema("consumer", "classpath:db/consumer");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table seen (event_id uuid not null, client_id text not null, role text not null)");
        topic = TestInfrastructure.uniqueName("consumer-test");
        group = TestInfrastructure.uniqueName("group");
        TopicProvisioner.ensure(TestInfrastructure.get().kafkaBootstrapServers(), List.of(topic, DeadLetters.topicFor(topic, group)), 3, (short) 1);
        producer = TestKafka.producer();
    }

    @AfterEach
    void tearDown() {
        if (consumer != null) {
            consumer.close();
        }
        producer.close();
        dataSource.close();
    }

    EventConsumer start(EventHandler handler) {
        EventConsumer started = new EventConsumer(new EventConsumer.Settings(group, List.of(topic),
                TestInfrastructure.get().kafkaBootstrapServers(), 500, 3, Duration.ofMillis(20)), dataSource, CODEC, handler,
                new DeadLetters(producer, group));
        started.start();
        return started;
    }

    static final EventHandler RECORD_SEEN = (event, jdbc) -> {
        StoryBankOpened opened = event.as(StoryBankOpened.class);
        if (opened.getTargetRole().equals("boom")) {
            throw new IllegalStateException("the view cannot take this one");
        }
        if (opened.getTargetRole().equals("foreign")) {
            throw new RejectedEvent("ORG_MISMATCH", "stream belongs to another organisation");
        }
        jdbc.update("insert into seen (event_id, client_id, role) values (?, ?, ?)", event.metadata().getEventId(),
                event.metadata().getClientId(), opened.getTargetRole());
    };

    static StoryBankOpened bankOpened(String client, String role) {
        return StoryBankOpened.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId("org-1").setClientId(client)
                        .setStreamId("bank-" + client).setStreamVersion(1).setOccurredAt(Instant.parse("2026-11-25T10:00:00Z"))
                        .setCorrelationId("corr-1").setActor("test").build())
                .setBankId("bank-" + client).setCoachId(null).setTargetRole(role).setTargetLevel(Level.L6).setInterviewDate(null)
                .build();
    }

    void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    long seen() {
        return jdbc.queryForObject("select count(*) from seen", Long.class);
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterTopicWithTheirReasonAndConsumptionContinues() throws Exception {
        byte[] unknownFingerprint = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xC3).put((byte) 0x01)
                .putLong(0x1234_5678_9abc_def0L).putInt(42).array();
        send("client-a", CODEC.encode(bankOpened("client-a", "PM")));
        send("client-a", "definitely not avro".getBytes());
        send("client-a", unknownFingerprint);
        send("client-a", CODEC.encode(bankOpened("client-a", "Senior PM")));
        consumer = start(RECORD_SEEN);

        await().atMost(Duration.ofSeconds(60)).until(() -> seen() == 2);
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DeadLetters.topicFor(topic, group), r -> r.size() >= 2,
                Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> TestKafka.headers(r).get(DeadLetters.REASON))
                .containsExactly("NOT_SINGLE_OBJECT", "UNKNOWN_FINGERPRINT");
        Map<String, String> first = TestKafka.headers(dead.get(0));
        assertThat(first).containsEntry(DeadLetters.ORIGINAL_TOPIC, topic).containsEntry(DeadLetters.ORIGINAL_OFFSET, "1")
                .containsEntry(DeadLetters.CONSUMER_GROUP, group).containsKey(DeadLetters.ORIGINAL_PARTITION);
        assertThat(new String(dead.get(0).value())).isEqualTo("definitely not avro");
        assertThat(jdbc.queryForList("select role from seen order by role", String.class)).containsExactly("PM", "Senior PM");
    }

    @Test
    void anEventClaimingAStreamOfAnotherOrganisationIsDeadLetteredAndChangesNothing() throws Exception {
        StoryBankOpened owner = bankOpened("client-e", "PM");
        StoryBankOpened intruder = StoryBankOpened.newBuilder(bankOpened("client-e", "Intruder"))
                .setMetadata(EventMetadata.newBuilder(bankOpened("client-e", "x").getMetadata()).setOrgId("org-2").build()).build();
        send("client-e", CODEC.encode(owner));
        send("client-e", CODEC.encode(intruder));
        send("client-e", CODEC.encode(bankOpened("client-e", "Senior PM")));
        consumer = start(RECORD_SEEN);

        await().atMost(Duration.ofSeconds(60)).until(() -> seen() == 2 && consumer.deadLettered() == 1);
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DeadLetters.topicFor(topic, group), r -> !r.isEmpty(), Duration.ofSeconds(30));
        Map<String, String> headers = TestKafka.headers(dead.get(0));
        assertThat(headers).containsEntry(DeadLetters.REASON, "ORG_MISMATCH");
        assertThat(headers.get(DeadLetters.MESSAGE)).contains("bank-client-e").doesNotContain("org-1");
        assertThat(jdbc.queryForList("select role from seen order by role", String.class)).containsExactly("PM", "Senior PM");
        assertThat(jdbc.queryForObject("select org_id from stream_owners where stream_id = 'bank-client-e' and consumer_group = ?", String.class, group)).isEqualTo("org-1");
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        byte[] once = CODEC.encode(bankOpened("client-b", "PM"));
        send("client-b", once);
        send("client-b", once);
        send("client-b", CODEC.encode(bankOpened("client-b", "Director")));
        consumer = start(RECORD_SEEN);

        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.duplicatesSkipped() + consumer.applied() == 3);
        assertThat(seen()).isEqualTo(2);
        assertThat(consumer.duplicatesSkipped()).isEqualTo(1);
    }

    @Test
    void aFailingEventIsRetriedThenDeadLetteredWhileTheRestOfItsBatchIsApplied() throws Exception {
        send("client-c", CODEC.encode(bankOpened("client-c", "PM")));
        send("client-c", CODEC.encode(bankOpened("client-c", "boom")));
        send("client-c", CODEC.encode(bankOpened("client-c", "foreign")));
        send("client-c", CODEC.encode(bankOpened("client-c", "Director")));
        consumer = start(RECORD_SEEN);

        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DeadLetters.topicFor(topic, group), r -> r.size() >= 2,
                Duration.ofSeconds(60));
        assertThat(dead).extracting(r -> TestKafka.headers(r).get(DeadLetters.REASON)).containsExactly("HANDLER_FAILED", "ORG_MISMATCH");
        assertThat(TestKafka.headers(dead.get(0)).get(DeadLetters.MESSAGE)).contains("the view cannot take this one");
        await().atMost(Duration.ofSeconds(30)).until(() -> seen() == 2);
        assertThat(jdbc.queryForList("select role from seen order by role", String.class)).containsExactly("Director", "PM");
    }

    @Test
    void aRestartedConsumerResumesFromThePositionStoredWithItsViews() throws Exception {
        for (int i = 0; i < 20; i++) {
            send("client-" + i, CODEC.encode(bankOpened("client-" + i, "PM")));
        }
        consumer = start(RECORD_SEEN);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen() == 20);
        consumer.close();
        // rewind the stored position: the consumer must seek there, and the inbox must absorb what it reads again
        jdbc.update("update consumer_positions set next_offset = 0 where consumer_group = ?", group);
        for (int i = 20; i < 25; i++) {
            send("client-" + i, CODEC.encode(bankOpened("client-" + i, "PM")));
        }

        consumer = start(RECORD_SEEN);

        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.duplicatesSkipped() == 20 && seen() == 25);
        assertThat(jdbc.queryForObject("select count(distinct event_id) from seen", Long.class)).isEqualTo(25);
        assertThat(jdbc.queryForObject("select sum(next_offset) from consumer_positions where consumer_group = ?", Long.class, group))
                .isEqualTo(25);
    }

    @Test
    void aDatabaseOutageDelaysEventsButNeverDeadLettersThem() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        javax.sql.DataSource flaky = new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                if (down.get()) {
                    refused.incrementAndGet();
                    throw new java.sql.SQLNonTransientConnectionException("Connection refused (simulated restart)", "08001");
                }
                return super.getConnection();
            }
        };
        for (int i = 0; i < 5; i++) {
            send("client-d", CODEC.encode(bankOpened("client-d", "PM " + i)));
        }
        consumer = new EventConsumer(new EventConsumer.Settings(group, List.of(topic), TestInfrastructure.get().kafkaBootstrapServers(),
                500, 3, Duration.ofMillis(20)), flaky, CODEC, RECORD_SEEN, new DeadLetters(producer, group));
        consumer.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> refused.get() >= 3);
        assertThat(consumer.deadLettered()).isZero();
        down.set(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> seen() == 5);
        assertThat(consumer.deadLettered()).isZero();
    }
}
