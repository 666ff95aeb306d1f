package com.storyloop.eventing.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Append-only event store on PostgreSQL (architecture.md section 3). Appends join the caller's transaction
 * (Spring-managed or not), so a command's events and its other writes commit together.
 */
public final class EventStore {

    private static final String COLUMNS =
            "position, transaction_id::text as txid, event_id, stream_id, stream_version, event_type, partition_key, org_id, payload, recorded_at";

    private static final RowMapper<StoredEvent> ROW = (ResultSet rs, int i) -> new StoredEvent(rs.getLong("position"), rs.getString("txid"),
            rs.getObject("event_id", UUID.class), rs.getString("stream_id"), rs.getLong("stream_version"), rs.getString("event_type"),
            rs.getString("partition_key"), rs.getString("org_id"), rs.getBytes("payload"), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcTemplate jdbc;

    public EventStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Appends events to a stream whose current version must be {@code expectedVersion} (0 for a new stream).
     *
     * <p>When appending to an existing stream, the append must be the transaction's first write (earlier appends in the
     * same transaction are fine). The relay publishes in transaction-id order, and a transaction id is taken at the first
     * write: a transaction that wrote elsewhere first could hold an older id than the writer of the previous version, and
     * its event would be published before that version. Write idempotency records and the like after appending.
     *
     * @return the stream's new version
     * @throws StreamVersionConflict when the stream is not at the expected version, now or by the time this commits
     */
    public long append(String streamId, long expectedVersion, List<NewEvent> events) {
        if (events.isEmpty()) {
            return expectedVersion;
        }
        AppendGuard guard = jdbc.queryForObject("""
                select coalesce((select max(stream_version) from events where stream_id = ?), 0) as version,
                       pg_current_xact_id_if_assigned() is not null as has_xid,
                       exists(select 1 from events where transaction_id = pg_current_xact_id_if_assigned()) as appended_before
                """, (rs, i) -> new AppendGuard(rs.getLong("version"), rs.getBoolean("has_xid"), rs.getBoolean("appended_before")), streamId);
        if (guard.version() != expectedVersion) {
            throw new StreamVersionConflict(streamId, expectedVersion, guard.version());
        }
        if (expectedVersion > 0 && guard.hasTransactionId() && !guard.appendedBefore()) {
            throw new IllegalStateException("Append to " + streamId + " is not the first write of its transaction; "
                    + "append first so relay order matches stream order");
        }
        try {
            jdbc.batchUpdate("""
                    insert into events (event_id, stream_id, stream_version, event_type, partition_key, org_id, payload)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    NewEvent e = events.get(i);
                    ps.setObject(1, e.eventId());
                    ps.setString(2, streamId);
                    ps.setLong(3, expectedVersion + i + 1);
                    ps.setString(4, e.type());
                    ps.setString(5, e.partitionKey());
                    ps.setString(6, e.orgId());
                    ps.setBytes(7, e.payload());
                }

                @Override
                public int getBatchSize() {
                    return events.size();
                }
            });
        } catch (DuplicateKeyException e) {
            if (e.getMessage() != null && e.getMessage().contains("events_event_id_unique")) {
                throw new DuplicateEventId(e);
            }
            // a concurrent writer committed the same version first
            throw new StreamVersionConflict(streamId, expectedVersion, -1);
        }
        return expectedVersion + events.size();
    }

    private record AppendGuard(long version, boolean hasTransactionId, boolean appendedBefore) {
    }

    public long streamVersion(String streamId) {
        Long version = jdbc.queryForObject("select coalesce(max(stream_version), 0) from events where stream_id = ?", Long.class, streamId);
        return version == null ? 0 : version;
    }

    public List<StoredEvent> readStream(String streamId) {
        return jdbc.query("select " + COLUMNS + " from events where stream_id = ? order by stream_version", ROW, streamId);
    }

    /** Events in position order after {@code afterPosition}, committed ones only (as seen by this transaction). */
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return jdbc.query("select " + COLUMNS + " from events where position > ? order by position limit ?", ROW, afterPosition, limit);
    }

    public long lastPosition() {
        Long position = jdbc.queryForObject("select coalesce(max(position), 0) from events", Long.class);
        return position == null ? 0 : position;
    }

    /** An event id was appended before: the same event must never be stored twice. */
    public static final class DuplicateEventId extends RuntimeException {
        DuplicateEventId(Throwable cause) {
            super("An event with this id is already stored", cause);
        }
    }

}
