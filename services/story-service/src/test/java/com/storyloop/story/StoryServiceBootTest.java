package com.storyloop.story;

import java.util.List;

import com.storyloop.testsupport.ServiceBootContract;

class StoryServiceBootTest extends ServiceBootContract {

    @Override
    protected String schema() {
        return "story";
    }

    @Override
    protected List<String> tables() {
        return List.of("events", "relay_checkpoints", "banks_by_client", "story_summaries", "idempotency_keys");
    }

    @Override
    protected List<String> metrics() {
        return List.of("storyloop_relay_lag");
    }
}
