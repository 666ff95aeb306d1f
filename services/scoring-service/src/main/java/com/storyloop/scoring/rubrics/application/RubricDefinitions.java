package com.storyloop.scoring.rubrics.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rubric definitions registered as data; immutable once stored. A registration belongs to the installation catalogue
 * ({@code offeredToOrg} null) or to the one organisation a provider offered it to: nobody crosses organisations (issue 7).
 */
public interface RubricDefinitions {

    /** @param offeredToOrg the organisation it was offered to, or null for the installation catalogue */
    record StoredDefinition(String rubricVersion, String title, String providerId, String packVersion, String json, String sha256,
                            Instant registeredAt, String offeredToOrg) {
    }

    /**
     * The version as {@code orgId} may see it: installation-wide or offered to that organisation (its own registration
     * first). A null orgId (an operator) sees the installation catalogue only.
     */
    Optional<StoredDefinition> visibleTo(String orgId, String rubricVersion);

    /** Every version {@code orgId} may see, one entry per version, oldest first. */
    List<StoredDefinition> visibleTo(String orgId);

    /** Every registration of the version, whoever it belongs to: they share one definition. */
    List<StoredDefinition> registrations(String rubricVersion);

    /** Serialises registrations of the version name until the transaction ends, so two owners cannot store two definitions. */
    void lockVersion(String rubricVersion);

    /** @return false when the owner already has a definition of that version (the stored one stays) */
    boolean insert(StoredDefinition definition);
}
