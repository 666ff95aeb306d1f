package com.storyloop.web.idempotency;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** The table of first responses, in the service's own schema (migration {@code classpath:db/idempotency}). */
public final class IdempotencyRecords {

    private final JdbcTemplate jdbc;

    public IdempotencyRecords(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Serialises requests with the same key until the holder's transaction ends, so a retry sent while the first attempt
     * still runs waits for it and replays its response instead of running again. An advisory lock takes no transaction
     * id, so the command's append stays the transaction's first write (EventStore.append).
     */
    void lock(String key) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "idempotency-key:" + key);
    }

    Optional<StoredResponse> find(String key) {
        return jdbc.query("""
                select request_fingerprint, response_status, response_headers, response_body from idempotency_keys where idempotency_key = ?
                """, (rs, i) -> new StoredResponse(rs.getString(1), rs.getInt(2), StoredResponse.headersFromText(rs.getString(3)),
                rs.getBytes(4)), key).stream().findFirst();
    }

    /** Called after the command appended its events, in the same transaction. */
    void save(String key, StoredResponse response) {
        jdbc.update("""
                insert into idempotency_keys (idempotency_key, request_fingerprint, response_status, response_headers, response_body)
                values (?, ?, ?, ?, ?)
                """, key, response.requestFingerprint(), response.status(), response.headersAsText(), response.body());
    }
}
