package com.storyloop.eventing.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storyloop.eventing.kafka.TopicProvisioner;
import com.storyloop.eventing.store.EventStore;
import com.storyloop.eventing.store.NewEvent;
import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.TestDatabases;
import com.storyloop.testsupport.TestInfrastructure;
import com.storyloop.testsupport.TestKafka;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@RealInfrastructure
class OutboxRelayTest {

    HikariDataSource dataSource;
    EventStore store;
    TransactionTemplate transactions;
    Producer<String, byte[]> producer;
    String topic;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.freshSchema("relay", "classpath:db/eventstore");
        store = new EventStore(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        topic = TestInfrastructure.uniqueName("relay-test");
        TopicProvisioner.ensure(TestInfrastructure.get().kafkaBootstrapServers(), List.of(topic), 6, (short) 1);
        producer = new KafkaProducer<>(TopicProvisioner.producerDefaults(TestInfrastructure.get().kafkaBootstrapServers()));
    }

    @AfterEach
    void tearDown() {
        producer.close();
        dataSource.close();
    }

    OutboxRelay relay() {
        return new OutboxRelay(dataSource, producer, type -> topic, new OutboxRelay.Settings("test", 500, Duration.ofMillis(5), Duration.ofSeconds(30)));
    }

    NewEvent event(String client) {
        return new NewEvent(UUID.randomUUID(), "StoryRevised", client, "org-1", UUID.randomUUID().toString().getBytes());
    }

    @Test
    void anEventWhoseTransactionCommitsLateIsNotSkipped() throws Exception {
        OutboxRelay relay = relay();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        NewEvent early = event("client-a");
        NewEvent late = event("client-b");
        Future<?> slowWriter = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            store.append("stream-a", 0, List.of(early)); // takes the smaller position
            appended.countDown();
            awaitLatch(release);
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        transactions.executeWithoutResult(tx -> store.append("stream-b", 0, List.of(late))); // larger position, commits first

        assertThat(relay.relayOnce()).as("nothing may pass a transaction still running").isZero();

        release.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(relay.relayOnce()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, r -> r.size() >= 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> TestKafka.headers(r).get(OutboxRelay.HEADER_EVENT_ID))
                .containsExactlyInAnyOrder(early.eventId().toString(), late.eventId().toString());
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("client-a", "client-b");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eightConcurrentWritersOverAThousandStreamsArePublishedCompletelyAndInOrderPerClient() throws Exception {
        int writers = 8;
        int streams = 1000;
        int eventsPerStream = 3;
        OutboxRelay relay = relay();
        relay.start();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Queue<String> commitOrder = new ConcurrentLinkedQueue<>(); // stream@version, as each commit returned
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int version = 0; version < eventsPerStream; version++) {
                        for (int s = writer; s < streams; s += writers) {
                            int expected = version;
                            String client = "client-" + s;
                            transactions.executeWithoutResult(tx -> {
                                store.append("stream-" + client, expected, List.of(event(client)));
                                // commit some transactions late on purpose, so positions commit out of order
                                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000));
                                }
                            });
                            commitOrder.add("stream-" + client + "@" + (expected + 1));
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        int total = streams * eventsPerStream;
        // the premise: positions were taken in one order and committed in another
        Map<String, Long> positions = new HashMap<>();
        new JdbcTemplate(dataSource).query("select stream_id, stream_version, position from events",
                rs -> { positions.put(rs.getString(1) + "@" + rs.getLong(2), rs.getLong(3)); });
        long committedBeforeAnEarlierPosition = 0;
        long highest = Long.MIN_VALUE;
        for (String committed : commitOrder) {
            long position = positions.get(committed);
            if (position < highest) {
                committedBeforeAnEarlierPosition++;
            }
            highest = Math.max(highest, position);
        }
        assertThat(committedBeforeAnEarlierPosition).as("transactions that committed after a later position had").isGreaterThan(0);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic,
                read -> read.stream().map(r -> TestKafka.headers(r).get(OutboxRelay.HEADER_EVENT_ID)).distinct().count() >= total,
                Duration.ofMinutes(2));
        relay.close();

        // Delivery is at-least-once (a page whose send is retried goes out again), so read as every consumer does:
        // skip an event id already seen. What remains must be each client's versions, complete and in order.
        Set<String> published = new HashSet<>();
        Map<String, Long> lastVersionPerClient = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Map<String, String> headers = TestKafka.headers(record);
            if (!published.add(headers.get(OutboxRelay.HEADER_EVENT_ID))) {
                continue;
            }
            long version = Long.parseLong(headers.get(OutboxRelay.HEADER_STREAM_VERSION));
            Long previous = lastVersionPerClient.put(record.key(), version);
            assertThat(version).as("order of %s", record.key()).isEqualTo(previous == null ? 1 : previous + 1);
        }
        assertThat(published).hasSize(total);
        assertThat(lastVersionPerClient).hasSize(streams).allSatisfy((client, last) -> assertThat(last).isEqualTo(eventsPerStream));
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from events", Long.class)).isEqualTo(total);
        assertThat(relay.lag()).isZero();
    }

    @Test
    void aRelayKilledBetweenSendAndCheckpointLosesNothingAfterRestart() {
        for (int i = 0; i < 50; i++) {
            String client = "client-" + i;
            transactions.executeWithoutResult(tx -> store.append("stream-" + client, 0, List.of(event(client))));
        }
        OutboxRelay crashing = relay();
        crashing.beforeCheckpoint(() -> {
            throw new IllegalStateException("killed between send and checkpoint");
        });
        assertThatThrownBy(crashing::relayOnce).hasMessageContaining("killed");

        OutboxRelay restarted = relay();
        assertThat(restarted.relayOnce()).as("the page is sent again").isEqualTo(50);
        assertThat(restarted.relayOnce()).isZero();

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, r -> r.size() >= 100, Duration.ofSeconds(30));
        assertThat(records).hasSize(100);
        assertThat(records.stream().map(r -> TestKafka.headers(r).get(OutboxRelay.HEADER_EVENT_ID)).distinct()).hasSize(50);
    }

    @Test
    void twoInstancesRelayEachEventOnce() throws Exception {
        for (int i = 0; i < 2000; i++) {
            String client = "client-" + (i % 100);
            int n = i;
            transactions.executeWithoutResult(tx -> store.append("stream-" + n, 0, List.of(event(client))));
        }
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        first.start();
        second.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> first.lag() == 0);
        first.close();
        second.close();

        assertThat(first.published() + second.published()).isEqualTo(2000);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, r -> r.size() >= 2000, Duration.ofSeconds(30));
        assertThat(records).hasSize(2000);
    }

    @Test
    void republishFromAPositionSendsThoseEventsAgain() {
        for (int i = 0; i < 10; i++) {
            int n = i;
            transactions.executeWithoutResult(tx -> store.append("stream-" + n, 0, List.of(event("client-" + n))));
        }
        OutboxRelay relay = relay();
        assertThat(relay.relayOnce()).isEqualTo(10);
        long sixth = new JdbcTemplate(dataSource).queryForObject("select position from events order by position offset 5 limit 1", Long.class);

        assertThat(OutboxRelay.republishFrom(dataSource, "test", sixth)).isGreaterThanOrEqualTo(5);

        assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(5);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, r -> r.size() >= 15, Duration.ofSeconds(30));
        Map<String, Long> copies = records.stream().collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key,
                java.util.stream.Collectors.counting()));
        for (int i = 5; i < 10; i++) {
            assertThat(copies).as("events from the sixth on are published again").containsEntry("client-" + i, 2L);
        }
    }

    @Test
    void republishNeverSkipsWhatTheRelayHasNotSentYetAndRefusesAPositionPastTheEnd() {
        // given 5 events relayed and 5 more appended since
        for (int i = 0; i < 10; i++) {
            int n = i;
            transactions.executeWithoutResult(tx -> store.append("stream-" + n, 0, List.of(event("client-" + n))));
            if (i == 4) {
                assertThat(relay().relayOnce()).isEqualTo(5);
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long eighth = jdbc.queryForObject("select position from events order by position offset 7 limit 1", Long.class);
        long last = jdbc.queryForObject("select max(position) from events", Long.class);

        // when the operator asks for a position the relay has not reached, or one past the last event
        assertThat(OutboxRelay.republishFrom(dataSource, "test", eighth)).isZero();
        assertThatThrownBy(() -> OutboxRelay.republishFrom(dataSource, "test", last + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No event at or after position " + (last + 1) + "; the last event is at " + last);
        assertThatThrownBy(() -> OutboxRelay.republishFrom(dataSource, "no-such-relay", 1)).hasMessage("No relay named no-such-relay");

        // then the relay sends exactly the 5 it had not sent, once each: nothing skipped, nothing re-sent from the start
        assertThat(relay().relayOnce()).isEqualTo(5);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(topic, r -> r.size() >= 10, Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                "client-0", "client-1", "client-2", "client-3", "client-4", "client-5", "client-6", "client-7", "client-8", "client-9");
    }
}
