package com.storyloop.scoring;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.node.ObjectNode;

import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.EndpointMatrix;
import com.storyloop.testsupport.EndpointMatrix.Call;
import com.storyloop.testsupport.EndpointMatrix.Parties;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.testsupport.EndpointMatrix.Rule.CLIENT_RESOURCE;
import static com.storyloop.testsupport.EndpointMatrix.Rule.COACHING;
import static com.storyloop.testsupport.EndpointMatrix.Rule.COACH_SELF;
import static com.storyloop.testsupport.EndpointMatrix.Rule.MEMBER;
import static com.storyloop.testsupport.EndpointMatrix.Rule.OPERATOR;
import static com.storyloop.testsupport.EndpointMatrix.Rule.ORGANISATION;
import static com.storyloop.testsupport.EndpointMatrix.Rule.ORGANISATION_MEMBER;
import static com.storyloop.testsupport.EndpointMatrix.endpoint;
import static org.awaitility.Awaitility.await;

/** Every endpoint of scoring-service, called by every kind of caller (issue 7); a new endpoint without a rule fails here. */
class EndpointMatrixIT extends ScoringServiceIT {

    @Autowired
    ApplicationContext application;

    static String variant(String version) {
        ObjectNode definition = (ObjectNode) JSON.readTree(RubricDefinition.standard().json());
        definition.put("version", version);
        return JSON.writeValueAsString(definition);
    }

    @Test
    void everyEndpointAnswersEveryKindOfCallerAsItsRuleSays() throws Exception {
        // given a client's scored revision, their coach able to see it, and a rescoring job of their organisation
        String org = "org-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();
        StoryStream s = new StoryStream(org, coach);
        produce(s.opened(Level.L6), s.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY));
        String admin = TestTokens.orgAdmin(org);
        await().atMost(PATIENCE).until(() -> getAs(admin, "/api/stories/" + s.storyId + "/revisions/1/scorecards/1.0.0").status() == 200);
        String coachToken = TestTokens.coach(org, coach);
        await().atMost(PATIENCE).until(() -> getAs(coachToken, "/api/stories/" + s.storyId + "/revisions/1/coach-scores").status() == 200);
        String version = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        send("POST", "/api/rubrics", "application/json", variant(version).getBytes(), Map.of("Authorization", TestTokens.bearer(TestTokens.operator())))
                .assertStatus(201);
        String job = postAs(admin, "/api/orgs/" + org + "/rubric", Map.of("rubricVersion", version)).assertStatus(202).json().get("jobId")
                .asString();
        String story = "/api/stories/" + s.storyId;
        String score = JSON.writeValueAsString(Map.of("dimensions", Map.of("ARC", 3), "verdict", "PASS", "flags", List.of()));

        // when every endpoint is called by every kind of caller, then each gets what its rule says
        EndpointMatrix.verify(application, Integer.parseInt(environment.getProperty("local.server.port")), new Parties(org, s.clientId, coach),
                List.of(
                        endpoint("GET", "/api/stories/{storyId}/revisions/{revision}/scorecards", CLIENT_RESOURCE,
                                () -> Call.get(story + "/revisions/1/scorecards")),
                        endpoint("GET", "/api/stories/{storyId}/revisions/{revision}/scorecards/{rubricVersion}", CLIENT_RESOURCE,
                                () -> Call.get(story + "/revisions/1/scorecards/1.0.0")),
                        endpoint("GET", "/api/stories/{storyId}/scorecard", CLIENT_RESOURCE, () -> Call.get(story + "/scorecard")),
                        endpoint("GET", "/api/stories/{storyId}/revisions/{revision}/coach-scores", CLIENT_RESOURCE,
                                () -> Call.get(story + "/revisions/1/coach-scores")),
                        endpoint("POST", "/api/stories/{storyId}/revisions/{revision}/coach-scores", COACHING,
                                () -> Call.post(story + "/revisions/1/coach-scores", score)),
                        endpoint("GET", "/api/calibration", COACH_SELF, () -> Call.get("/api/calibration?orgId=" + org + "&coachId=" + coach)),
                        endpoint("GET", "/api/rubrics", MEMBER, () -> Call.get("/api/rubrics")),
                        endpoint("GET", "/api/rubrics/{rubricVersion}", MEMBER, () -> Call.get("/api/rubrics/" + version)),
                        endpoint("POST", "/api/rubrics", OPERATOR,
                                () -> Call.post("/api/rubrics", variant("matrix-" + UUID.randomUUID().toString().substring(0, 8)))),
                        endpoint("POST", "/api/orgs/{orgId}/rubric", ORGANISATION,
                                () -> Call.post("/api/orgs/" + org + "/rubric", "{\"rubricVersion\": \"" + version + "\"}")),
                        endpoint("GET", "/api/orgs/{orgId}/rubric", ORGANISATION_MEMBER, () -> Call.get("/api/orgs/" + org + "/rubric")),
                        endpoint("GET", "/api/orgs/{orgId}/rubrics/offered", ORGANISATION_MEMBER,
                                () -> Call.get("/api/orgs/" + org + "/rubrics/offered")),
                        endpoint("GET", "/api/rescoring/{jobId}", ORGANISATION, () -> Call.get("/api/rescoring/" + job)),
                        endpoint("POST", "/api/score", MEMBER, () -> Call.post("/api/score", JSON.writeValueAsString(Map.of("text", Stories.TEXT)))),
                        endpoint("GET", "/api/admin/projections", OPERATOR, () -> Call.get("/api/admin/projections")),
                        endpoint("GET", "/api/admin/projections/{name}", OPERATOR,
                                () -> Call.get("/api/admin/projections/scoring-client-assignments")),
                        endpoint("POST", "/api/admin/projections/{name}/rebuild", OPERATOR,
                                () -> Call.post("/api/admin/projections/scoring-client-assignments/rebuild", null))));
    }
}
