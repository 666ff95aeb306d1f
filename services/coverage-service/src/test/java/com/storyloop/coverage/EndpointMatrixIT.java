package com.storyloop.coverage;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.storyloop.coverage.support.CoverageEvents;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.events.PrincipleCode;
import com.storyloop.testsupport.EndpointMatrix;
import com.storyloop.testsupport.EndpointMatrix.Call;
import com.storyloop.testsupport.EndpointMatrix.Parties;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.testsupport.EndpointMatrix.Rule.CLIENT_RESOURCE;
import static com.storyloop.testsupport.EndpointMatrix.Rule.OPERATOR;
import static com.storyloop.testsupport.EndpointMatrix.Rule.STAFF;
import static com.storyloop.testsupport.EndpointMatrix.Rule.ROSTER;
import static com.storyloop.testsupport.EndpointMatrix.endpoint;
import static org.awaitility.Awaitility.await;

/** Every endpoint of coverage-service, called by every kind of caller (issue 7); an endpoint without a rule here fails. */
class EndpointMatrixIT extends CoverageServiceIT {

    @Autowired
    private ApplicationContext application;

    @Test
    void everyEndpointAnswersEachKindOfCallerAsItsRuleSays() throws Exception {
        // given a client with an assigned coach, a scored story and an interview within the triage window
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();
        String story = client + "-s1";
        CoverageEvents.send(client, CoverageEvents.bankOpened(org, client, coach, LocalDate.now(ZoneOffset.UTC).plusDays(3)),
                CoverageEvents.drafted(org, client, story, PrincipleCode.FRUGALITY, 1), CoverageEvents.passed(org, client, story, PrincipleCode.FRUGALITY, 2));
        String admin = TestTokens.orgAdmin(org);
        await().atMost(Duration.ofSeconds(60)).until(() -> getAs(admin, "/api/clients/" + client + "/coverage").body().contains("\"verdict\":\"PASS\"")
                && getAs(admin, "/api/stories/" + story + "/timeline").statusCode() == 200
                && getAs(admin, "/api/orgs/" + org + "/clients").body().contains(coach));

        // when every endpoint is called as each kind of caller, then each answers as its rule says
        String rebuilt = "coverage-client-directory";
        EndpointMatrix.verify(application, Integer.parseInt(environment.getProperty("local.server.port")), new Parties(org, client, coach), List.of(
                endpoint("GET", "/api/clients/{clientId}/coverage", CLIENT_RESOURCE, () -> Call.get("/api/clients/" + client + "/coverage")),
                endpoint("GET", "/api/clients/{clientId}/timeline", CLIENT_RESOURCE, () -> Call.get("/api/clients/" + client + "/timeline")),
                endpoint("GET", "/api/stories/{storyId}/timeline", CLIENT_RESOURCE, () -> Call.get("/api/stories/" + story + "/timeline")),
                endpoint("GET", "/api/orgs/{orgId}/clients", ROSTER, () -> Call.get("/api/orgs/" + org + "/clients")),
                endpoint("GET", "/api/orgs/{orgId}/triage", ROSTER, () -> Call.get("/api/orgs/" + org + "/triage?days=30").with("Accept", "text/csv")),
                endpoint("GET", "/api/orgs/{orgId}/analytics", STAFF, () -> Call.get("/api/orgs/" + org + "/analytics")),
                endpoint("GET", "/api/orgs/{orgId}/analytics/{part}", STAFF, () -> Call.get("/api/orgs/" + org + "/analytics/revisions")),
                endpoint("GET", "/api/admin/projections", OPERATOR, () -> Call.get("/api/admin/projections")),
                endpoint("GET", "/api/admin/projections/{name}", OPERATOR, () -> Call.get("/api/admin/projections/" + rebuilt)),
                // last: only the operator's call starts a rebuild (everyone else is refused first), so it meets no running one
                endpoint("POST", "/api/admin/projections/{name}/rebuild", OPERATOR, () -> Call.post("/api/admin/projections/" + rebuilt + "/rebuild", null))));

        // the rebuild the operator started ends, so no later test meets it half-way
        awaitRebuildEnded(rebuilt, Duration.ofMinutes(2));
    }
}
