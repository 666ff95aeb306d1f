package com.storyloop.console;

import java.util.List;

import com.storyloop.testsupport.ServiceBootContract;

class ConsoleBootTest extends ServiceBootContract {

    @Override
    protected String schema() {
        return "console";
    }

    @Override
    protected List<String> tables() {
        return List.of("users");
    }

    @Override
    protected List<String> metrics() {
        return List.of();
    }
}
