package com.storyloop.story;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.storyloop.story.support.StoryServiceIT;
import com.storyloop.testsupport.EndpointMatrix;
import com.storyloop.testsupport.EndpointMatrix.Call;
import com.storyloop.testsupport.EndpointMatrix.Parties;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.testsupport.EndpointMatrix.Rule.CLIENT_RESOURCE;
import static com.storyloop.testsupport.EndpointMatrix.Rule.ORGANISATION;
import static com.storyloop.testsupport.EndpointMatrix.endpoint;

/**
 * Every endpoint of the story-service, called by every kind of caller (issue 7): banks and stories are the client's own
 * resources; assigning a coach is the organisation admin's. Fixtures are made through the API as an admin of the parties'
 * organisation; each write gets a fresh story (or bank) per caller, so every allowed caller's write can succeed.
 */
class EndpointMatrixIT extends StoryServiceIT {

    @Autowired
    ApplicationContext application;

    private final Parties parties = new Parties("org-matrix-" + UUID.randomUUID(), "client-" + UUID.randomUUID(), "coach-" + UUID.randomUUID());
    private final String admin = TestTokens.orgAdmin(parties.orgId());
    private final AtomicInteger dates = new AtomicInteger();
    private String sharedStory;

    @Test
    void everyEndpointAnswersEachKindOfCallerAsItsRuleSays() throws Exception {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));

        EndpointMatrix.verify(application, port, parties, List.of(
                // first, so that the parties' client opens their own bank: the refused callers go before the allowed ones,
                // and a refused caller must write nothing, so the first allowed caller (the client) still finds no bank;
                // the coach and the admin then open banks for new clients, naming the coach
                endpoint("POST", "/api/banks", CLIENT_RESOURCE, () -> Call.post("/api/banks", json(Map.of("orgId", parties.orgId(),
                        "clientId", partiesBankExists() ? "client-" + UUID.randomUUID() : parties.clientId(), "coachId", parties.coachId(),
                        "targetRole", "Senior PM", "targetLevel", "L6")))),
                endpoint("GET", "/api/banks/{bankId}", CLIENT_RESOURCE, () -> Call.get("/api/banks/" + partiesBank())),
                endpoint("GET", "/api/clients/{clientId}/bank", CLIENT_RESOURCE, () -> {
                    partiesBank();
                    return Call.get("/api/clients/" + parties.clientId() + "/bank");
                }),
                endpoint("PUT", "/api/banks/{bankId}/interview-date", CLIENT_RESOURCE, () -> {
                    String bankId = partiesBank();
                    String etag = asAdmin(() -> get("/api/banks/" + bankId).assertStatus(200).etag());
                    // a date the bank does not have yet, so each allowed caller's change is a real one
                    String date = LocalDate.of(2028, 1, 1).plusDays(dates.incrementAndGet()).toString();
                    return Call.put("/api/banks/" + bankId + "/interview-date", json(Map.of("interviewDate", date))).with("If-Match", etag);
                }),
                // on a bank of its own, so the parties' coach stays assigned for the other endpoints
                endpoint("PUT", "/api/banks/{bankId}/coach", ORGANISATION, () -> {
                    String bankId = asAdmin(() -> openBank(parties.orgId(), "client-" + UUID.randomUUID(), parties.coachId()));
                    return Call.put("/api/banks/" + bankId + "/coach", json(Map.of("coachId", "coach-" + UUID.randomUUID()))).with("If-Match", "\"1\"");
                }),
                endpoint("POST", "/api/banks/{bankId}/stories", CLIENT_RESOURCE,
                        () -> Call.post("/api/banks/" + partiesBank() + "/stories", json(starStory("Drafted in the matrix")))),
                endpoint("POST", "/api/banks/{bankId}/import", CLIENT_RESOURCE, () -> Call.post("/api/banks/" + partiesBank() + "/import", null)
                        .withBody("text/markdown", "# Imported in the matrix\nOne story, told plainly.\n")),
                endpoint("GET", "/api/stories/{storyId}", CLIENT_RESOURCE, () -> Call.get("/api/stories/" + sharedStory())),
                endpoint("GET", "/api/stories/{storyId}/revisions/{revision}", CLIENT_RESOURCE,
                        () -> Call.get("/api/stories/" + sharedStory() + "/revisions/1")),
                endpoint("GET", "/api/stories/{storyId}/diff", CLIENT_RESOURCE, () -> Call.get("/api/stories/" + sharedStory() + "/diff")),
                endpoint("POST", "/api/stories/{storyId}/revisions", CLIENT_RESOURCE, () -> Call.post("/api/stories/" + freshStory() + "/revisions",
                        json(with(starStory("Revised in the matrix"), "note", "a sharper title"))).with("If-Match", "\"1\"")),
                endpoint("PUT", "/api/stories/{storyId}/principles", CLIENT_RESOURCE, () -> Call.put("/api/stories/" + freshStory() + "/principles",
                        json(Map.of("principles", List.of("DIVE_DEEP")))).with("If-Match", "\"1\"")),
                endpoint("PUT", "/api/stories/{storyId}/deep-dive", CLIENT_RESOURCE, () -> Call.put("/api/stories/" + freshStory() + "/deep-dive",
                        json(Map.of("sections", List.of(Map.of("heading", "The numbers", "text", "Conversion +3.6%, tickets back to baseline.")))))
                        .with("If-Match", "\"1\"")),
                endpoint("POST", "/api/stories/{storyId}/retire", CLIENT_RESOURCE, () -> Call.post("/api/stories/" + freshStory() + "/retire",
                        json(Map.of("reason", "told better elsewhere"))).with("If-Match", "\"1\"")),
                endpoint("POST", "/api/stories/{storyId}/restore", CLIENT_RESOURCE, () -> {
                    String storyId = freshStory();
                    asAdmin(() -> postIfMatch("/api/stories/" + storyId + "/retire", Map.of("reason", "for the matrix"), "\"1\"").assertStatus(200));
                    return Call.post("/api/stories/" + storyId + "/restore", null).with("If-Match", "\"2\"");
                })));
    }

    private boolean partiesBankExists() {
        return !jdbc.queryForList("select bank_id from banks_by_client where org_id = ? and client_id = ?", String.class, parties.orgId(),
                parties.clientId()).isEmpty();
    }

    /** The parties' client's bank, coached by the parties' coach (opened here only if the POST endpoint has not yet). */
    private String partiesBank() {
        if (!partiesBankExists()) {
            asAdmin(() -> openBank(parties.orgId(), parties.clientId(), parties.coachId()));
        }
        return jdbc.queryForObject("select bank_id from banks_by_client where org_id = ? and client_id = ?", String.class, parties.orgId(),
                parties.clientId());
    }

    /** A new story in the parties' bank at version 1. */
    private String freshStory() {
        String bankId = partiesBank();
        return asAdmin(() -> draft(bankId, starStory("For one caller")).json().get("storyId").asString());
    }

    /** One story with two revisions, for the reads. */
    private String sharedStory() {
        if (sharedStory == null) {
            String storyId = freshStory();
            asAdmin(() -> postIfMatch("/api/stories/" + storyId + "/revisions", starStory("Read in the matrix"), "\"1\"").assertStatus(201));
            sharedStory = storyId;
        }
        return sharedStory;
    }

    private <T> T asAdmin(java.util.function.Supplier<T> action) {
        return as(admin, action);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
