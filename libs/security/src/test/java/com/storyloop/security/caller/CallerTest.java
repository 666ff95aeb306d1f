package com.storyloop.security.caller;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see which client, as example cards: given a caller, when they ask for a client, then yes or no. */
class CallerTest {

    static final String ORG = "demo-coaching";
    static final String OTHER_ORG = "rival-coaching";

    static Caller client(String org, String clientId) {
        return new Caller("user-" + clientId, org, Set.of(Role.CLIENT), clientId, null);
    }

    static Caller coach(String org, String coachId) {
        return new Caller("user-" + coachId, org, Set.of(Role.COACH), null, coachId);
    }

    static Caller orgAdmin(String org) {
        return new Caller("user-admin", org, Set.of(Role.ORG_ADMIN), null, null);
    }

    @Nested
    class AClient {

        @Test
        void seesThemselves() {
            Caller ada = client(ORG, "ada-lovelace");

            assertThat(ada.canSeeClient(ORG, "ada-lovelace", "coach-grace")).isTrue();
        }

        @Test
        void doesNotSeeAnotherClientOfTheSameCoach() {
            Caller ada = client(ORG, "ada-lovelace");

            assertThat(ada.canSeeClient(ORG, "alan-turing", "coach-grace")).isFalse();
        }

        @Test
        void doesNotSeeAClientWithTheSameIdInAnotherOrganisation() {
            Caller ada = client(ORG, "ada-lovelace");

            assertThat(ada.canSeeClient(OTHER_ORG, "ada-lovelace", "coach-grace")).isFalse();
        }

        @Test
        void seesNoCoachScoresAndNoOrganisationViews() {
            Caller ada = client(ORG, "ada-lovelace");

            assertThat(ada.canSeeCoach(ORG, "coach-grace")).isFalse();
            assertThat(ada.canSeeWholeOrganisation(ORG)).isFalse();
        }
    }

    @Nested
    class ACoach {

        @Test
        void seesTheirAssignedClients() {
            Caller grace = coach(ORG, "coach-grace");

            assertThat(grace.canSeeClient(ORG, "ada-lovelace", "coach-grace")).isTrue();
            assertThat(grace.canSeeClient(ORG, "alan-turing", "coach-grace")).isTrue();
        }

        @Test
        void doesNotSeeAnotherCoachsClientNorAnUnassignedOne() {
            Caller grace = coach(ORG, "coach-grace");

            assertThat(grace.canSeeClient(ORG, "katherine-johnson", "coach-edsger")).isFalse();
            assertThat(grace.canSeeClient(ORG, "katherine-johnson", null)).isFalse();
        }

        @Test
        void doesNotSeeTheirNamesakeInAnotherOrganisation() {
            Caller grace = coach(ORG, "coach-grace");

            assertThat(grace.canSeeClient(OTHER_ORG, "ada-lovelace", "coach-grace")).isFalse();
            assertThat(grace.canSeeCoach(OTHER_ORG, "coach-grace")).isFalse();
        }

        @Test
        void seesOnlyTheirOwnCoachScores() {
            Caller grace = coach(ORG, "coach-grace");

            assertThat(grace.canSeeCoach(ORG, "coach-grace")).isTrue();
            assertThat(grace.canSeeCoach(ORG, "coach-edsger")).isFalse();
            assertThat(grace.canSeeWholeOrganisation(ORG)).isFalse();
        }
    }

    @Nested
    class AnOrgAdmin {

        @Test
        void seesEveryClientAndCoachOfTheirOrganisation() {
            Caller admin = orgAdmin(ORG);

            assertThat(admin.canSeeClient(ORG, "katherine-johnson", "coach-edsger")).isTrue();
            assertThat(admin.canSeeClient(ORG, "unassigned", null)).isTrue();
            assertThat(admin.canSeeCoach(ORG, "coach-grace")).isTrue();
            assertThat(admin.canSeeWholeOrganisation(ORG)).isTrue();
        }

        @Test
        void seesNothingOfAnotherOrganisation() {
            Caller admin = orgAdmin(ORG);

            assertThat(admin.canSeeClient(OTHER_ORG, "ada-lovelace", "coach-grace")).isFalse();
            assertThat(admin.canSeeCoach(OTHER_ORG, "coach-grace")).isFalse();
            assertThat(admin.canSeeWholeOrganisation(OTHER_ORG)).isFalse();
        }
    }

    @Nested
    class FromTokenClaims {

        @Test
        void readsOrganisationRolesAndIds() {
            Caller caller = Caller.fromClaims("user-ada", Map.of("org", ORG, "roles", List.of("CLIENT"), "client_id", "ada-lovelace"));

            assertThat(caller).isEqualTo(new Caller("user-ada", ORG, Set.of(Role.CLIENT), "ada-lovelace", null));
        }

        @Test
        void ignoresRolesStoryloopDoesNotKnow() {
            Caller caller = Caller.fromClaims("user-grace", Map.of("org", ORG, "roles", List.of("offline_access", "COACH"), "coach_id", "coach-grace"));

            assertThat(caller.roles()).containsExactly(Role.COACH);
        }

        @Test
        void aTokenWithoutOrganisationOrRolesSeesNothing() {
            Caller caller = Caller.fromClaims("someone", Map.of("client_id", "ada-lovelace"));

            assertThat(caller.canSeeClient(ORG, "ada-lovelace", "coach-grace")).isFalse();
            assertThat(caller.canSeeClient(null, "ada-lovelace", null)).isFalse();
            assertThat(caller.roles()).isEmpty();
        }
    }
}
