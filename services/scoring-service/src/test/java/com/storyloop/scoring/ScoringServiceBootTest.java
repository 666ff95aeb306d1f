package com.storyloop.scoring;

import java.util.List;

import com.storyloop.testsupport.ServiceBootContract;

class ScoringServiceBootTest extends ServiceBootContract {

    @Override
    protected String schema() {
        return "scoring";
    }

    @Override
    protected List<String> tables() {
        return List.of("events", "relay_checkpoints", "inbox", "consumer_positions");
    }

    @Override
    protected List<String> metrics() {
        return List.of("storyloop_relay_lag");
    }
}
