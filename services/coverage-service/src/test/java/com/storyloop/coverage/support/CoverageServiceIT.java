package com.storyloop.coverage.support;

import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.storyloop.testsupport.ServiceBootContract;

import static org.awaitility.Awaitility.await;

/** coverage-service booted on real Kafka and PostgreSQL: its schema, tables and metrics, and what its tests wait for. */
public abstract class CoverageServiceIT extends ServiceBootContract {

    @Override
    protected String schema() {
        return "coverage";
    }

    @Override
    protected List<String> tables() {
        return List.of("inbox", "consumer_positions", "client_directory", "coverage_story", "coverage_score", "coverage_fact", "timeline_revision",
                "timeline_score", "coach_score", "client_practice_rating");
    }

    @Override
    protected List<String> metrics() {
        return List.of("storyloop_consumer_lag");
    }

    /** Waits until the consumer group has applied (or skipped as duplicates) every one of these events. */
    protected void awaitApplied(String group, Collection<UUID> eventIds, Duration atMost) {
        List<UUID> ids = eventIds.stream().distinct().toList();
        await().atMost(atMost).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.inbox where consumer_group = ? and event_id = any(?)", Long.class, group,
                jdbc.execute((Connection c) -> c.createArrayOf("uuid", ids.toArray()))) == ids.size());
    }
}
