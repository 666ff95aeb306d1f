package com.storyloop.scoring.rubrics.domain;

import java.time.Instant;
import java.util.Set;

/**
 * An organisation asks to score its stories with a rubric version.
 *
 * @param availableVersions every version the service can score with (built-in and registered)
 * @param standardVersion   the built-in version, used by organisations that never adopted one
 */
public record AdoptRubric(String orgId, String rubricVersion, Set<String> availableVersions, String standardVersion, Instant at) {
}
