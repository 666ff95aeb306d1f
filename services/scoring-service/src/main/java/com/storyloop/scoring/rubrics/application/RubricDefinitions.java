package com.storyloop.scoring.rubrics.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rubric definitions registered as data; immutable once stored. */
public interface RubricDefinitions {

    record StoredDefinition(String rubricVersion, String title, String providerId, String packVersion, String json, String sha256,
                            Instant registeredAt) {
    }

    Optional<StoredDefinition> find(String rubricVersion);

    List<StoredDefinition> all();

    /** @return false when a definition of that version is already stored (the stored one stays) */
    boolean insert(StoredDefinition definition);
}
