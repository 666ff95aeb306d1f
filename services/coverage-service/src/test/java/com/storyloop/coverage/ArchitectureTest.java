package com.storyloop.coverage;

import org.junit.jupiter.api.Test;

import com.storyloop.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainCodeIsPlainJavaAndAdaptersStayOutside() {
        ArchitectureRules.checkDomainIsPure("com.storyloop.coverage");
    }
}
