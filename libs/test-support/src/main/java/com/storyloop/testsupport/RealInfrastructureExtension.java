package com.storyloop.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** See {@link RealInfrastructure}. */
public final class RealInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            TestInfrastructure.get();
        } catch (RuntimeException e) {
            if (TestInfrastructure.mustNotSkip()) {
                throw new IllegalStateException("Integration tests need Kafka and PostgreSQL and CI=true forbids skipping: " + e.getMessage(), e);
            }
            Assumptions.abort("Kafka/PostgreSQL unavailable, integration test skipped: " + e.getMessage());
        }
    }
}
