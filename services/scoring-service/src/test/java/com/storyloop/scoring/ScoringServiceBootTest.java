package com.storyloop.scoring;

import java.util.List;

import org.springframework.test.annotation.DirtiesContext;

import com.storyloop.testsupport.ServiceBootContract;

/** Closes its context afterwards, so its consumer group member does not share partitions with the other tests' context. */
@DirtiesContext
class ScoringServiceBootTest extends ServiceBootContract {

    @Override
    protected String schema() {
        return "scoring";
    }

    @Override
    protected List<String> tables() {
        return List.of("events", "relay_checkpoints", "inbox", "consumer_positions", "idempotency_keys", "banks", "revisions", "organisations",
                "rubric_definitions", "scorecards", "coach_scores", "rescoring_jobs", "rescoring_items", "offered_rubrics", "client_assignment");
    }

    @Override
    protected List<String> metrics() {
        return List.of("storyloop_relay_lag", "storyloop_consumer_lag", "storyloop_consumer_dead_lettered");
    }
}
