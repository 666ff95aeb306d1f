package com.storyloop.scoring.rubrics.query.readingrubrics;

import java.util.List;

import org.springframework.stereotype.Component;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.scoring.rubrics.application.OrgAdoptions;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.rubrics.application.RubricDefinitions;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * The rubric catalogue (installation-wide, readable by anyone signed in, plus the partner versions registered for the
 * caller's own organisation) and the version an organisation scores with
 * (readable by its members only: which rubric a company chose is its own business).
 */
@Component
public class ReadingRubrics {

    /** @param adopted false when the organisation never adopted a version and scores with the built-in one */
    public record OrgRubric(String orgId, String rubricVersion, boolean adopted) {
    }

    private final RubricCatalog catalog;
    private final RubricDefinitions definitions;
    private final OrgAdoptions adoptions;

    public ReadingRubrics(RubricCatalog catalog, RubricDefinitions definitions, OrgAdoptions adoptions) {
        this.catalog = catalog;
        this.definitions = definitions;
        this.adoptions = adoptions;
    }

    /**
     * The installation's versions plus those registered for the caller's organisation. An operator (no organisation) gets
     * the installation's only: which partner rubric an organisation was offered is that organisation's business.
     */
    public List<RubricCatalog.RubricVersion> versions(Caller caller) {
        Access.requireMember(caller);
        return catalog.versionsFor(caller.orgId());
    }

    /**
     * The definition document of a version, as registered (the built-in one as shipped); another organisation's version
     * answers exactly as one never registered.
     */
    public String definition(Caller caller, String rubricVersion) {
        Access.requireMember(caller);
        if (rubricVersion.equals(catalog.standardVersion())) {
            return RubricDefinition.standard().json();
        }
        return definitions.visibleTo(caller.orgId(), rubricVersion).map(RubricDefinitions.StoredDefinition::json)
                .orElseThrow(() -> new ResourceNotFound("rubric version", rubricVersion));
    }

    public OrgRubric orgRubric(Caller caller, String orgId) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("organisation", orgId);
        }
        return adoptions.adoptedVersion(orgId).map(v -> new OrgRubric(orgId, v, true))
                .orElseGet(() -> new OrgRubric(orgId, catalog.standardVersion(), false));
    }
}
