package com.storyloop.console;

import org.junit.jupiter.api.Test;

import com.storyloop.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainCodeIsPlainJavaAndAdaptersStayOutside() {
        ArchitectureRules.checkDomainIsPure("com.storyloop.console");
    }
}
