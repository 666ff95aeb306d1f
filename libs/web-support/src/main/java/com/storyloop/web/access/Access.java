package com.storyloop.web.access;

import java.util.Optional;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * The authorisation checks of every service's application layer, one way (issue 7). What the caller may not know about
 * answers exactly like what does not exist ({@link ResourceNotFound}, 404, same message); what they may know about but
 * their role may not do answers {@link RoleNotAllowed} (403). The rules themselves are {@link Caller}'s.
 */
public final class Access {

    private final ClientAssignments assignments;

    public Access(ClientAssignments assignments) {
        this.assignments = assignments;
    }

    /** May the caller see this client's bank, stories, loops, coverage and timeline. */
    public boolean canSeeClient(Caller caller, String orgId, String clientId) {
        if (!caller.belongsTo(orgId)) {
            return false;
        }
        if (caller.has(Role.ORG_ADMIN) || (caller.has(Role.CLIENT) && clientId != null && clientId.equals(caller.clientId()))) {
            return caller.canSeeClient(orgId, clientId, null);
        }
        return caller.canSeeClient(orgId, clientId, coachOf(orgId, clientId));
    }

    /** A client's resource ({@code what} {@code id}, e.g. "story" and its id), read or written by someone who may see the client. */
    public void requireClient(Caller caller, String orgId, String clientId, String what, String id) {
        if (!canSeeClient(caller, orgId, clientId)) {
            throw new ResourceNotFound(what, id);
        }
    }

    /**
     * What only the client's coach (or an org admin) does to a client's resource, such as scoring it as a coach. The client
     * themselves learns only that they may not (403); anyone who may not see the client gets 404.
     */
    public void requireCoachOf(Caller caller, String orgId, String clientId, String what, String id) {
        requireClient(caller, orgId, clientId, what, id);
        if (!caller.has(Role.ORG_ADMIN) && !caller.has(Role.COACH)) {
            throw new RoleNotAllowed("Only the client's coach or an organisation admin may do this");
        }
    }

    /** Organisation-wide views and settings: an org admin of that organisation; its coaches and clients get 403, outsiders 404. */
    public static void requireOrganisation(Caller caller, String orgId) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("organisation", orgId);
        }
        if (!caller.has(Role.ORG_ADMIN)) {
            throw new RoleNotAllowed("Only an organisation admin may see or change organisation-wide settings and views");
        }
    }

    /**
     * Cohort analytics of an organisation (aggregates over its clients, no one client's data): its coaches and org admins,
     * who compare their clients with the cohort; its clients get 403, outsiders 404.
     */
    public static void requireStaff(Caller caller, String orgId) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("organisation", orgId);
        }
        if (!caller.has(Role.ORG_ADMIN) && !caller.has(Role.COACH)) {
            throw new RoleNotAllowed("Only the organisation's coaches and admins may see its cohort analytics");
        }
    }

    /** A coach's own views (calibration): that coach or an org admin; a client of the organisation gets 403, others 404. */
    public static void requireCoach(Caller caller, String orgId, String coachId) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("coach", coachId);
        }
        if (caller.has(Role.CLIENT) && !caller.has(Role.COACH) && !caller.has(Role.ORG_ADMIN)) {
            throw new RoleNotAllowed("Only a coach or an organisation admin may see coach views");
        }
        if (!caller.canSeeCoach(orgId, coachId)) {
            throw new ResourceNotFound("coach", coachId);
        }
    }

    /** Installation-wide administration: projection rebuilds, installation-wide rubrics. */
    public static void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new RoleNotAllowed("Only an operator of the installation may do this");
        }
    }

    /** Someone signed in to some organisation (or an operator): shared content such as the question bank. */
    public static void requireMember(Caller caller) {
        if (caller.orgId() == null && !caller.isOperator()) {
            throw new RoleNotAllowed("The token names no organisation");
        }
    }

    private String coachOf(String orgId, String clientId) {
        Optional<ClientAssignment> assignment = clientId == null ? Optional.empty() : assignments.find(orgId, clientId);
        return assignment.map(ClientAssignment::coachId).orElse(null);
    }
}
