package com.storyloop.story;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.storyloop.story.support.StoryServiceIT;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The less obvious rules of issue 7 in the story-service, beyond what the endpoint matrix checks per endpoint: coach
 * assignment takes effect at once, refusals look exactly like missing resources and write nothing, and client ids are
 * only unique within an organisation.
 */
class AccessRulesIT extends StoryServiceIT {

    private final String client = "client-" + UUID.randomUUID();
    private final String otherClient = "client-" + UUID.randomUUID();

    @Test
    void aCoachSeesAClientTheMomentTheBankNamesThemAndLosesThemTheMomentAnotherCoachIsAssigned() {
        // given a bank naming coach A (no projection in between: the bank itself answers who coaches whom)
        String coachA = "coach-" + UUID.randomUUID();
        String coachB = "coach-" + UUID.randomUUID();
        String bankId = openBank(ORG, client, coachA);

        // then coach A reads and writes it at once, and coach B does not
        as(TestTokens.coach(ORG, coachA), () -> get("/api/banks/" + bankId).assertStatus(200));
        String storyId = as(TestTokens.coach(ORG, coachA), () -> draft(bankId, starStory("Drafted with my coach"))).json().get("storyId").asString();
        as(TestTokens.coach(ORG, coachB), () -> get("/api/banks/" + bankId).assertProblem(404, null));

        // when the admin assigns coach B
        String etag = get("/api/banks/" + bankId).etag();
        putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", coachB), etag).assertStatus(200);

        // then coach B sees the client's bank and stories, and coach A sees none of them any more
        as(TestTokens.coach(ORG, coachB), () -> get("/api/stories/" + storyId).assertStatus(200));
        as(TestTokens.coach(ORG, coachB), () -> get("/api/clients/" + client + "/bank").assertStatus(200));
        as(TestTokens.coach(ORG, coachA), () -> get("/api/banks/" + bankId).assertProblem(404, null));
        as(TestTokens.coach(ORG, coachA), () -> get("/api/stories/" + storyId).assertProblem(404, null));
        long before = eventCount(storyId);
        as(TestTokens.coach(ORG, coachA), () -> postIfMatch("/api/stories/" + storyId + "/revisions", starStory("Not my client any more"), "\"1\"")
                .assertProblem(404, null));
        assertThat(eventCount(storyId)).isEqualTo(before);
    }

    @Test
    void aClientCannotWriteIntoAnotherClientsBankAndIsAnsweredAsIfItDidNotExist() {
        // given two clients' banks, one story in the other client's
        String bankId = openBank(ORG, client, "coach-1");
        String otherBankId = openBank(ORG, otherClient, "coach-1");
        String otherStory = draft(otherBankId, starStory("Someone else's story")).json().get("storyId").asString();
        long events = eventCount();
        token = TestTokens.client(ORG, client);

        // when the client writes into the other client's bank and story, then each refusal is the 404 of a missing one
        sameAsMissing(post("/api/banks/" + otherBankId + "/stories", starStory("Planted")), otherBankId,
                post("/api/banks/" + "no-such-bank" + "/stories", starStory("Planted")), "no-such-bank");
        sameAsMissing(send("POST", "/api/banks/" + otherBankId + "/import", "text/markdown", "# Planted\nText.\n".getBytes(), Map.of()),
                otherBankId, send("POST", "/api/banks/no-such-bank/import", "text/markdown", "# Planted\nText.\n".getBytes(), Map.of()),
                "no-such-bank");
        sameAsMissing(postIfMatch("/api/stories/" + otherStory + "/revisions", starStory("Overwritten"), "\"1\""), otherStory,
                postIfMatch("/api/stories/no-such-story/revisions", starStory("Overwritten"), "\"1\""), "no-such-story");
        sameAsMissing(putIfMatch("/api/banks/" + otherBankId + "/interview-date", Map.of("interviewDate", "2030-01-01"), "\"1\""), otherBankId,
                putIfMatch("/api/banks/no-such-bank/interview-date", Map.of("interviewDate", "2030-01-01"), "\"1\""), "no-such-bank");
        // nor may they open a bank for the other client (who already has one: not even that is revealed)
        post("/api/banks", Map.of("orgId", ORG, "clientId", otherClient, "targetRole", "PM", "targetLevel", "L5")).assertProblem(404, null);
        // and a stale If-Match does not make a refused caller learn the story's version (412 would)
        putIfMatch("/api/stories/" + otherStory + "/principles", Map.of("principles", java.util.List.of()), "\"7\"").assertProblem(404, null);

        // then nothing was appended anywhere, and their own bank is theirs to write
        assertThat(eventCount()).isEqualTo(events);
        draft(bankId, starStory("My own story"));
        assertThat(get("/api/clients/" + client + "/bank").json().get("storyCount").asInt()).isEqualTo(1);
        get("/api/clients/" + otherClient + "/bank").assertProblem(404, null);
    }

    @Test
    void aWriteIntoAnotherOrganisationChangesNothing() {
        // given a bank and a story in ORG
        String bankId = openBank(ORG, client, "coach-1");
        String storyId = draft(bankId, starStory("Ours")).json().get("storyId").asString();
        long events = eventCount();

        // when an admin of another organisation opens, changes, drafts into and reassigns ORG's bank
        token = TestTokens.orgAdmin("org-other-" + UUID.randomUUID());
        post("/api/banks", Map.of("orgId", ORG, "clientId", "client-" + UUID.randomUUID(), "targetRole", "PM", "targetLevel", "L5"))
                .assertProblem(404, null);
        putIfMatch("/api/banks/" + bankId + "/interview-date", Map.of("interviewDate", "2030-01-01"), "\"1\"").assertProblem(404, null);
        putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-evil"), "\"1\"").assertProblem(404, null);
        post("/api/banks/" + bankId + "/stories", starStory("Planted")).assertProblem(404, null);
        postIfMatch("/api/stories/" + storyId + "/retire", Map.of("reason", "gone"), "\"1\"").assertProblem(404, null);
        get("/api/clients/" + client + "/bank").assertProblem(404, null);

        // then nothing was appended, and ORG's bank is as it was
        assertThat(eventCount()).isEqualTo(events);
        token = TestTokens.orgAdmin(ORG);
        assertThat(get("/api/banks/" + bankId).json().get("coachId").asString()).isEqualTo("coach-1");
        assertThat(get("/api/stories/" + storyId).json().get("retired").asBoolean()).isFalse();
    }

    @Test
    void theSameClientIdInTwoOrganisationsIsTwoClientsEachSeeingOnlyTheirOwnBank() {
        // given the same client id in two organisations
        String otherOrg = "org-other-" + UUID.randomUUID();
        String ours = openBank(ORG, client, "coach-1");
        String theirs = as(TestTokens.orgAdmin(otherOrg), () -> openBank(otherOrg, client, "coach-1"));

        // when each reads "their client's bank", then each gets their own organisation's, never the other
        assertThat(as(TestTokens.client(ORG, client), () -> get("/api/clients/" + client + "/bank").assertStatus(200)).json().get("bankId")
                .asString()).isEqualTo(ours);
        assertThat(as(TestTokens.client(otherOrg, client), () -> get("/api/clients/" + client + "/bank").assertStatus(200)).json().get("bankId")
                .asString()).isEqualTo(theirs);
        as(TestTokens.client(otherOrg, client), () -> get("/api/banks/" + ours).assertProblem(404, null));
        // and the same-named coach of the other organisation is not ours
        as(TestTokens.coach(otherOrg, "coach-1"), () -> get("/api/banks/" + ours).assertProblem(404, null));
    }

    @Test
    void whoMayOpenABankIsWhoMaySeeItOnceOpen() {
        String coach = "coach-" + UUID.randomUUID();
        long events = eventCount();

        // a coach may not open a bank naming another coach (or none), nor a client one for another client
        as(TestTokens.coach(ORG, coach), () -> post("/api/banks", bank(client, "coach-someone-else")).assertProblem(404, null));
        as(TestTokens.coach(ORG, coach), () -> post("/api/banks", bank(client, null)).assertProblem(404, null));
        as(TestTokens.client(ORG, otherClient), () -> post("/api/banks", bank(client, coach)).assertProblem(404, null));
        assertThat(eventCount()).isEqualTo(events);

        // the client opens their own; then another coach naming themselves learns nothing of it, while their coach hears it exists
        String bankId = as(TestTokens.client(ORG, client), () -> post("/api/banks", bank(client, coach)).assertStatus(201)).json().get("bankId")
                .asString();
        Response unassigned = as(TestTokens.coach(ORG, "coach-" + UUID.randomUUID()), () -> post("/api/banks", bank(client, null)));
        assertThat(unassigned.status()).isEqualTo(404);
        Response unassignedNamingThemselves = as(TestTokens.coach(ORG, "coach-x-" + client), () -> post("/api/banks", bank(client, "coach-x-" + client)));
        unassignedNamingThemselves.assertProblem(404, null);
        assertThat(unassignedNamingThemselves.body()).doesNotContain(bankId);
        as(TestTokens.coach(ORG, coach), () -> post("/api/banks", bank(client, coach)).assertProblem(409, "clientId"));

        // and a coach opens a bank for a new client naming themselves, which they then see
        String newClient = "client-" + UUID.randomUUID();
        String coached = as(TestTokens.coach(ORG, coach), () -> post("/api/banks", bank(newClient, coach)).assertStatus(201)).json().get("bankId")
                .asString();
        as(TestTokens.coach(ORG, coach), () -> get("/api/banks/" + coached).assertStatus(200));
    }

    @Test
    void onlyAnOrganisationAdminAssignsCoachesAndTheRefusalDoesNotTellWhetherTheBankExists() {
        // given a bank coached by coach-1
        String bankId = openBank(ORG, client, "coach-1");
        long events = eventCount(bankId);

        // when its coach and its client try to reassign it, then 403, as for a bank that does not exist, and nothing is appended
        for (String member : new String[] {TestTokens.coach(ORG, "coach-1"), TestTokens.client(ORG, client)}) {
            as(member, () -> putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-2"), "\"1\"").assertProblem(403, null));
            as(member, () -> putIfMatch("/api/banks/no-such-bank/coach", Map.of("coachId", "coach-2"), "\"1\"").assertProblem(403, null));
        }
        // an operator belongs to no organisation and sees no bank
        as(TestTokens.operator(), () -> putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-2"), "\"1\"").assertProblem(404, null));
        assertThat(eventCount(bankId)).isEqualTo(events);

        // but the coach may set the client's interview date, and the admin assigns the coach
        as(TestTokens.coach(ORG, "coach-1"), () -> putIfMatch("/api/banks/" + bankId + "/interview-date", Map.of("interviewDate", "2031-05-01"),
                "\"1\"").assertStatus(200));
        putIfMatch("/api/banks/" + bankId + "/coach", Map.of("coachId", "coach-2"), "\"2\"").assertStatus(200);
        assertThat(eventCount(bankId)).isEqualTo(events + 2);
    }

    private static Map<String, Object> bank(String clientId, String coachId) {
        Map<String, Object> bank = new java.util.LinkedHashMap<>();
        bank.put("orgId", ORG);
        bank.put("clientId", clientId);
        if (coachId != null) {
            bank.put("coachId", coachId);
        }
        bank.put("targetRole", "PM");
        bank.put("targetLevel", "L5");
        return bank;
    }

    /** The refusal is a 404 problem detail identical to the missing resource's, but for the id each names. */
    private static void sameAsMissing(Response refused, String id, Response missing, String missingId) {
        refused.assertProblem(404, null);
        missing.assertProblem(404, null);
        assertThat(refused.body().replace(id, "ID")).isEqualTo(missing.body().replace(missingId, "ID"));
    }
}
