package com.storyloop.coverage.clients.application;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.web.access.RoleNotAllowed;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * Who may read an organisation's client lists (the client list, triage) and which part of them: an org admin all of it, a
 * coach only the clients assigned to them; the organisation's clients 403; anyone outside it 404, as if it did not exist.
 */
public final class Roster {

    /** SQL condition on client_directory.coach_id taking {@link #coachId()} twice, so one statement serves both. */
    public static final String COACH_FILTER = "(cast(? as text) is null or coach_id = ?)";

    /** The whole organisation's roster. */
    public static final Roster ALL = new Roster(null);

    private final String coachId;

    private Roster(String coachId) {
        this.coachId = coachId;
    }

    public static Roster of(Caller caller, String orgId) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("organisation", orgId);
        }
        if (caller.has(Role.ORG_ADMIN)) {
            return ALL;
        }
        if (caller.has(Role.COACH) && caller.coachId() != null) {
            return new Roster(caller.coachId());
        }
        throw new RoleNotAllowed("Only a coach or an organisation admin may see the organisation's clients");
    }

    /** Null for the whole organisation, else the coach whose assigned clients alone are listed. */
    public String coachId() {
        return coachId;
    }
}
