package com.storyloop.eventing.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealInfrastructure
class EventStoreTest {

    static HikariDataSource dataSource;
    static EventStore store;
    static TransactionTemplate transactions;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.freshSchema("store", "classpath:db/eventstore");
        store = new EventStore(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    static NewEvent event(String type) {
        return new NewEvent(UUID.randomUUID(), type, "client-1", "org-1", new byte[] {1, 2, 3});
    }

    @Test
    void appendsAndReadsAStreamInVersionOrder() {
        String stream = "story-" + UUID.randomUUID();
        long version = transactions.execute(tx -> store.append(stream, 0, List.of(event("StoryDrafted"), event("StoryRevised"))));
        transactions.executeWithoutResult(tx -> store.append(stream, version, List.of(event("StoryRetired"))));

        List<StoredEvent> events = store.readStream(stream);
        assertThat(events).extracting(StoredEvent::type).containsExactly("StoryDrafted", "StoryRevised", "StoryRetired");
        assertThat(events).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).payload()).containsExactly(1, 2, 3);
        assertThat(store.streamVersion(stream)).isEqualTo(3);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndAppendsNothing() {
        String stream = "story-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> store.append(stream, 0, List.of(event("StoryDrafted"))));

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> store.append(stream, 0, List.of(event("StoryRevised")))))
                .isInstanceOf(StreamVersionConflict.class)
                .hasMessageContaining("is at version 1, not the expected 0");
        assertThat(store.readStream(stream)).hasSize(1);
    }

    @Test
    void twoConcurrentAppendsWithTheSameExpectedVersionLetExactlyOneSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String stream = "story-" + UUID.randomUUID();
                transactions.executeWithoutResult(tx -> store.append(stream, 0, List.of(event("StoryDrafted"))));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            transactions.executeWithoutResult(tx -> store.append(stream, 1, List.of(event("StoryRevised"))));
                            return true;
                        } catch (StreamVersionConflict conflict) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int succeeded = 0;
                for (Future<Boolean> attempt : attempts) {
                    succeeded += attempt.get() ? 1 : 0;
                }
                assertThat(succeeded).as("round %d", round).isEqualTo(1);
                assertThat(store.readStream(stream)).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameEventIdIsNeverStoredTwice() {
        NewEvent once = event("StoryDrafted");
        transactions.executeWithoutResult(tx -> store.append("story-" + UUID.randomUUID(), 0, List.of(once)));

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> store.append("story-" + UUID.randomUUID(), 0, List.of(once))))
                .isInstanceOf(EventStore.DuplicateEventId.class);
    }

    @Test
    void appendingToAnExistingStreamAfterAnotherWriteInTheSameTransactionIsRefused() {
        String stream = "story-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> store.append(stream, 0, List.of(event("StoryDrafted"))));

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                    "insert into relay_checkpoints (relay_name, transaction_id, position) values ('unrelated', '0', 0)");
            store.append(stream, 1, List.of(event("StoryRevised")));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("first write");
        assertThat(store.readStream(stream)).hasSize(1);
    }

    @Test
    void readAllReturnsCommittedEventsAfterAPosition() {
        long before = store.lastPosition();
        String stream = "bank-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> store.append(stream, 0, List.of(event("StoryBankOpened"), event("CoachAssigned"))));

        assertThat(store.readAll(before, 10)).extracting(StoredEvent::streamId).containsExactly(stream, stream);
    }
}
