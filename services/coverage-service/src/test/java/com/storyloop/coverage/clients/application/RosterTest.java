package com.storyloop.coverage.clients.application;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.web.access.RoleNotAllowed;
import com.storyloop.web.problems.ResourceNotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    private static Caller caller(String org, Role role, String clientId, String coachId) {
        return new Caller("someone", org, Set.of(role), clientId, coachId);
    }

    @Test
    void anOrgAdminGetsTheWholeRosterAndACoachOnlyTheirOwnClients() {
        assertThat(Roster.of(caller("org", Role.ORG_ADMIN, null, null), "org").coachId()).isNull();
        assertThat(Roster.of(caller("org", Role.COACH, null, "coach-1"), "org").coachId()).isEqualTo("coach-1");
    }

    @Test
    void theOrganisationsClientsMayNotAndOutsidersAreToldNothing() {
        assertThatThrownBy(() -> Roster.of(caller("org", Role.CLIENT, "client-1", null), "org")).isInstanceOf(RoleNotAllowed.class);
        assertThatThrownBy(() -> Roster.of(caller("other", Role.ORG_ADMIN, null, null), "org")).isInstanceOf(ResourceNotFound.class)
                .hasMessage("No organisation org");
        assertThatThrownBy(() -> Roster.of(caller(null, Role.OPERATOR, null, null), "org")).isInstanceOf(ResourceNotFound.class);
        // a coach token naming no coach could only ever match unassigned rows: refused rather than guessed
        assertThatThrownBy(() -> Roster.of(caller("org", Role.COACH, null, null), "org")).isInstanceOf(RoleNotAllowed.class);
    }
}
