package com.storyloop.eventing.relay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storyloop.eventing.Backoff;

/**
 * Publishes a service's event table to Kafka (the table is the outbox; architecture.md section 3).
 *
 * <p>Reads committed events in pages ordered by (transaction id, position), only from transactions older than every
 * running one ({@code pg_snapshot_xmin}): positions are taken before commit, so ordering by position alone would skip an
 * event whose transaction commits after a later position was published. Sends with acks=all and idempotence, waits for
 * every acknowledgement, then advances its checkpoint. A crash between send and checkpoint re-sends the page:
 * at-least-once by design, and consumers deduplicate by event id.
 *
 * <p>Several instances of a service may run: a transaction-scoped advisory lock lets one of them relay a page at a time.
 */
public final class OutboxRelay implements AutoCloseable {

    /** Keep in sync with the index events_relay_order; RelayQueryPlanTest proves the plan uses it without a sort. */
    static final String PAGE_QUERY = """
            select position, transaction_id::text as txid, event_id, stream_id, stream_version, event_type, partition_key, org_id, payload
              from events
             where (transaction_id, position) > (?::xid8, ?)
               and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by transaction_id, position
             limit ?
            """;

    public static final String HEADER_EVENT_TYPE = "event-type";
    public static final String HEADER_EVENT_ID = "event-id";
    public static final String HEADER_STREAM_ID = "stream-id";
    public static final String HEADER_STREAM_VERSION = "stream-version";
    public static final String HEADER_ORG_ID = "org-id";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    public record Settings(String relayName, int pageSize, Duration idlePause, Duration sendTimeout) {

        public static Settings defaults(String relayName) {
            return new Settings(relayName, 1000, Duration.ofMillis(20), Duration.ofSeconds(30));
        }
    }

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final Function<String, String> topicForEventType;
    private final Settings settings;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong checkpointPosition = new AtomicLong();
    private volatile Runnable beforeCheckpoint = () -> { };
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, Function<String, String> topicForEventType, Settings settings) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.topicForEventType = topicForEventType;
        this.settings = settings;
        ensureCheckpoint();
    }

    private void ensureCheckpoint() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into relay_checkpoints (relay_name, transaction_id, position) values (?, '0'::xid8, 0) on conflict do nothing")) {
            ps.setString(1, settings.relayName());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot initialise relay checkpoint " + settings.relayName(), e);
        }
    }

    /**
     * Relays one page.
     *
     * @return events published, or -1 when another instance holds the relay
     */
    public int relayOnce() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int result = relayPage(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Relay " + settings.relayName() + " failed: " + e.getMessage(), e);
        }
    }

    private int relayPage(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "storyloop-relay:" + settings.relayName());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return -1;
                }
            }
        }
        String fromTransaction;
        long fromPosition;
        try (PreparedStatement ps = c.prepareStatement("select transaction_id::text as txid, position from relay_checkpoints where relay_name = ?")) {
            ps.setString(1, settings.relayName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Relay checkpoint " + settings.relayName() + " is missing");
                }
                fromTransaction = rs.getString("txid");
                fromPosition = rs.getLong("position");
            }
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        String lastTransaction = null;
        long lastPosition = -1;
        try (PreparedStatement ps = c.prepareStatement(PAGE_QUERY)) {
            ps.setString(1, fromTransaction);
            ps.setLong(2, fromPosition);
            ps.setInt(3, settings.pageSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString("event_type");
                    RecordHeaders headers = new RecordHeaders();
                    headers.add(HEADER_EVENT_TYPE, bytes(type));
                    headers.add(HEADER_EVENT_ID, bytes(rs.getString("event_id")));
                    headers.add(HEADER_STREAM_ID, bytes(rs.getString("stream_id")));
                    headers.add(HEADER_STREAM_VERSION, bytes(Long.toString(rs.getLong("stream_version"))));
                    headers.add(HEADER_ORG_ID, bytes(rs.getString("org_id")));
                    sends.add(producer.send(new ProducerRecord<>(topicForEventType.apply(type), null, rs.getString("partition_key"),
                            rs.getBytes("payload"), headers)));
                    lastTransaction = rs.getString("txid");
                    lastPosition = rs.getLong("position");
                }
            }
        }
        if (sends.isEmpty()) {
            return 0;
        }
        awaitAcknowledgements(sends);
        beforeCheckpoint.run();
        try (PreparedStatement ps = c.prepareStatement(
                "update relay_checkpoints set transaction_id = ?::xid8, position = ?, updated_at = now() where relay_name = ?")) {
            ps.setString(1, lastTransaction);
            ps.setLong(2, lastPosition);
            ps.setString(3, settings.relayName());
            ps.executeUpdate();
        }
        published.addAndGet(sends.size());
        checkpointPosition.set(lastPosition);
        return sends.size();
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge within " + settings.sendTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Operator command: publish again every event from {@code position} on (at least those; events of later
     * transactions with smaller positions are re-sent too, which consumers absorb). Used when a single broker lost
     * acknowledged data. Only ever moves the checkpoint back: a position the relay has not reached yet changes nothing,
     * so no event is skipped. Waits for a page in flight, whose checkpoint would otherwise overwrite this one.
     *
     * @return how many events the relay will now send, 0 when it had not reached {@code position} yet
     */
    public static long republishFrom(DataSource dataSource, String relayName, long position) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long again = republish(c, relayName, position);
                c.commit();
                return again;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset relay " + relayName + ": " + e.getMessage(), e);
        }
    }

    private static long republish(Connection c, String relayName, long position) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "storyloop-relay:" + relayName); // the lock every page holds
            lock.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with earliest as (select min(transaction_id) as transaction_id from events where position >= ?),
                     last as (select max(position) as position from events)
                select r.transaction_id is not null as known, e.transaction_id is not null as found, l.position as last_position,
                       e.transaction_id < r.transaction_id or (e.transaction_id = r.transaction_id and r.position > 0) as moves_back,
                       e.transaction_id::text as from_transaction
                  from (select 1) one
                  left join relay_checkpoints r on r.relay_name = ?
                  cross join earliest e cross join last l
                """)) {
            ps.setLong(1, position);
            ps.setString(2, relayName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean("known")) {
                    throw new IllegalArgumentException("No relay named " + relayName);
                }
                if (!rs.getBoolean("found")) {
                    long last = rs.getLong("last_position");
                    throw new IllegalArgumentException("No event at or after position " + position
                            + (rs.wasNull() ? ": the event store is empty" : "; the last event is at " + last));
                }
                if (!rs.getBoolean("moves_back")) {
                    return 0; // not relayed yet: the relay will publish it anyway
                }
                String fromTransaction = rs.getString("from_transaction");
                try (PreparedStatement update = c.prepareStatement(
                        "update relay_checkpoints set transaction_id = ?::xid8, position = 0, updated_at = now() where relay_name = ?")) {
                    update.setString(1, fromTransaction);
                    update.setString(2, relayName);
                    update.executeUpdate();
                }
                try (PreparedStatement count = c.prepareStatement(
                        "select count(*) from events where (transaction_id, position) > (?::xid8, 0)")) {
                    count.setString(1, fromTransaction);
                    try (ResultSet counted = count.executeQuery()) {
                        counted.next();
                        return counted.getLong(1);
                    }
                }
            }
        }
    }

    /** Events written but not yet relayed (by position; an estimate while transactions are in flight). */
    public long lag() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select count(*) from events
                      where (transaction_id, position) > (select transaction_id, position from relay_checkpoints where relay_name = ?)
                     """)) {
            ps.setString(1, settings.relayName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    public long published() {
        return published.get();
    }

    /** For fault tests: runs after Kafka acknowledged a page and before the checkpoint moves. */
    public void beforeCheckpoint(Runnable hook) {
        this.beforeCheckpoint = hook;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay-" + settings.relayName());
        worker.setDaemon(true);
        worker.start();
    }

    private void loop() {
        Backoff backoff = new Backoff(settings.idlePause(), Duration.ofSeconds(5));
        while (running) {
            try {
                int relayed = relayOnce();
                backoff.reset();
                if (relayed < settings.pageSize()) {
                    pause(relayed == -1 ? Duration.ofMillis(500) : settings.idlePause());
                }
            } catch (RuntimeException e) {
                Duration delay = backoff.next();
                log.warn("Relay {} will retry in {} ms: {}", settings.relayName(), delay.toMillis(), e.getMessage());
                pause(delay);
            }
        }
    }

    private void pause(Duration duration) {
        if (!Backoff.pause(duration)) {
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
