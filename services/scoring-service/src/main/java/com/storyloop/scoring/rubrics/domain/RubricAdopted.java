package com.storyloop.scoring.rubrics.domain;

import java.time.Instant;

/**
 * An organisation adopted a rubric version.
 *
 * @param previousVersion the version it replaces, or null for the organisation's first adoption
 */
public record RubricAdopted(String orgId, String rubricVersion, String previousVersion, Instant occurredAt) {
}
