package com.storyloop.scoring.rubrics.domain;

/**
 * An organisation's rubric choice, folded from its RubricAdopted events.
 *
 * @param adoptedVersion the version it adopted last, or null when it never adopted one (it uses the built-in version)
 */
public record OrgRubric(String orgId, String adoptedVersion) {

    public static OrgRubric neverAdopted(String orgId) {
        return new OrgRubric(orgId, null);
    }

    /** The version its revisions are scored with. */
    public String effectiveVersion(String standardVersion) {
        return adoptedVersion != null ? adoptedVersion : standardVersion;
    }
}
