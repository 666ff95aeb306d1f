package com.storyloop.web.access;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.web.problems.ResourceNotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTest {

    // given: ada is a client of acme coached by grace
    private final Access access = new Access((org, client) -> "acme".equals(org) && "ada".equals(client)
            ? Optional.of(new ClientAssignment(org, client, "grace")) : Optional.empty());

    private static Caller caller(String org, Role role, String clientId, String coachId) {
        return new Caller("someone", org, Set.of(role), clientId, coachId);
    }

    @Nested
    class AClientsResource {

        @Test
        void isSeenByTheClientTheirCoachAndAnAdminOfTheirOrganisation() {
            assertThat(access.canSeeClient(caller("acme", Role.CLIENT, "ada", null), "acme", "ada")).isTrue();
            assertThat(access.canSeeClient(caller("acme", Role.COACH, null, "grace"), "acme", "ada")).isTrue();
            assertThat(access.canSeeClient(caller("acme", Role.ORG_ADMIN, null, null), "acme", "ada")).isTrue();
        }

        @Test
        void isNotFoundForAnotherClientAnotherCoachAnotherOrganisationAndAnOperator() {
            for (Caller stranger : new Caller[] {caller("acme", Role.CLIENT, "bob", null), caller("acme", Role.COACH, null, "linus"),
                    caller("globex", Role.ORG_ADMIN, null, null), new Caller("op", null, Set.of(Role.OPERATOR), null, null)}) {
                assertThatThrownBy(() -> access.requireClient(stranger, "acme", "ada", "story", "s-1"))
                        .isInstanceOf(ResourceNotFound.class).hasMessage("No story s-1");
            }
        }

        @Test
        void coachingItIsRefusedToTheClientThemselvesButHiddenFromStrangers() {
            assertThatThrownBy(() -> access.requireCoachOf(caller("acme", Role.CLIENT, "ada", null), "acme", "ada", "story", "s-1"))
                    .isInstanceOf(RoleNotAllowed.class);
            assertThatThrownBy(() -> access.requireCoachOf(caller("acme", Role.COACH, null, "linus"), "acme", "ada", "story", "s-1"))
                    .isInstanceOf(ResourceNotFound.class);
        }
    }

    @Nested
    class OrganisationWideViews {

        @Test
        void areForItsAdminsForbiddenToItsMembersAndHiddenFromOutsiders() {
            Access.requireOrganisation(caller("acme", Role.ORG_ADMIN, null, null), "acme");
            assertThatThrownBy(() -> Access.requireOrganisation(caller("acme", Role.COACH, null, "grace"), "acme")).isInstanceOf(RoleNotAllowed.class);
            assertThatThrownBy(() -> Access.requireOrganisation(caller("globex", Role.ORG_ADMIN, null, null), "acme"))
                    .isInstanceOf(ResourceNotFound.class).hasMessage("No organisation acme");
        }
    }

    @Nested
    class CoachViews {

        @Test
        void areForThatCoachAndAdminsForbiddenToClientsAndHiddenFromOtherCoaches() {
            Access.requireCoach(caller("acme", Role.COACH, null, "grace"), "acme", "grace");
            Access.requireCoach(caller("acme", Role.ORG_ADMIN, null, null), "acme", "grace");
            assertThatThrownBy(() -> Access.requireCoach(caller("acme", Role.CLIENT, "ada", null), "acme", "grace")).isInstanceOf(RoleNotAllowed.class);
            assertThatThrownBy(() -> Access.requireCoach(caller("acme", Role.COACH, null, "linus"), "acme", "grace")).isInstanceOf(ResourceNotFound.class);
        }
    }

    @Test
    void installationAdministrationIsForOperatorsOnly() {
        Access.requireOperator(new Caller("op", null, Set.of(Role.OPERATOR), null, null));
        assertThatThrownBy(() -> Access.requireOperator(caller("acme", Role.ORG_ADMIN, null, null))).isInstanceOf(RoleNotAllowed.class);
    }
}
