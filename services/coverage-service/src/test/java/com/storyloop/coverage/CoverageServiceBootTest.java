package com.storyloop.coverage;

import java.util.List;

import com.storyloop.testsupport.ServiceBootContract;

class CoverageServiceBootTest extends ServiceBootContract {

    @Override
    protected String schema() {
        return "coverage";
    }

    @Override
    protected List<String> tables() {
        return List.of("inbox", "consumer_positions", "client_directory");
    }

    @Override
    protected List<String> metrics() {
        return List.of("storyloop_consumer_lag");
    }
}
