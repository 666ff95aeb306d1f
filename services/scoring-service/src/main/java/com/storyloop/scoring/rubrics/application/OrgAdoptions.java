package com.storyloop.scoring.rubrics.application;

import java.util.Optional;
import java.util.UUID;

import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.rubrics.domain.OrgRubric;
import com.storyloop.scoring.rubrics.domain.RubricAdopted;

/** Organisations' rubric adoptions: an event stream per organisation, and the version each one scores with. */
public interface OrgAdoptions {

    record Loaded(OrgRubric state, long version) {
    }

    /** Where the adopted definition comes from: a provider's content pack, or nobody (built in or an operator's). */
    record Provenance(String providerId, String packVersion) {
        public static final Provenance NONE = new Provenance(null, null);
    }

    /**
     * Takes the organisation's scoring lock exclusively until the transaction ends: no revision of the organisation is
     * copied or scored meanwhile, so the rescoring job's list of revisions and new scorecards cannot miss each other.
     */
    void lockOrganisation(String orgId);

    Loaded load(String orgId);

    /** Appends RubricAdopted (the transaction's first write) and records the organisation's version; returns the eventId. */
    UUID append(RubricAdopted adopted, long expectedVersion, Provenance provenance, EventContext context);

    /** The version the organisation adopted last, if any. */
    Optional<String> adoptedVersion(String orgId);
}
