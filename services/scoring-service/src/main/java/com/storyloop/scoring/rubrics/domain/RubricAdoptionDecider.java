package com.storyloop.scoring.rubrics.domain;

import java.util.List;

/** The rules of adopting a rubric version, as a pure decider over the organisation's adoption history. */
public final class RubricAdoptionDecider {

    private RubricAdoptionDecider() {
    }

    /**
     * Adopting the version already in effect changes nothing (no event, no rescoring); an unknown version is refused.
     *
     * @throws UnknownRubricVersion when the version is not available
     */
    public static List<RubricAdopted> decide(AdoptRubric command, OrgRubric state) {
        if (!command.availableVersions().contains(command.rubricVersion())) {
            throw new UnknownRubricVersion(command.rubricVersion(), command.availableVersions());
        }
        if (command.rubricVersion().equals(state.effectiveVersion(command.standardVersion()))) {
            return List.of();
        }
        return List.of(new RubricAdopted(command.orgId(), command.rubricVersion(), state.adoptedVersion(), command.at()));
    }

    public static OrgRubric evolve(OrgRubric state, RubricAdopted event) {
        return new OrgRubric(state.orgId(), event.rubricVersion());
    }

    public static OrgRubric fold(String orgId, List<RubricAdopted> history) {
        OrgRubric state = OrgRubric.neverAdopted(orgId);
        for (RubricAdopted event : history) {
            state = evolve(state, event);
        }
        return state;
    }
}
