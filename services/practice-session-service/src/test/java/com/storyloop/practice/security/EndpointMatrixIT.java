package com.storyloop.practice.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.storyloop.practice.support.PracticeParties;
import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.schemas.EventCodec;
import com.storyloop.testsupport.EndpointMatrix;
import com.storyloop.testsupport.EndpointMatrix.Call;
import com.storyloop.testsupport.EndpointMatrix.Parties;
import com.storyloop.testsupport.EndpointMatrix.Rule;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.testsupport.EndpointMatrix.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of practice-session-service, called by every kind of caller (issue 7). Loops are a client's resource:
 * the client, their assigned coach and an org admin run them, including probes and ratings (a client rehearsing alone
 * records those too); the question bank and the example library are shared content for every member.
 */
class EndpointMatrixIT extends PracticeServiceIT {

    static final String PROJECTION = "practice-client-assignments";

    @Autowired
    ApplicationContext application;
    @Autowired
    EventCodec codec;

    final PracticeParties parties = PracticeParties.fresh("org-matrix-" + java.util.UUID.randomUUID());
    final String admin = TestTokens.orgAdmin(parties.orgId());

    /** A step of setting up a loop, done by the org admin whatever the test's caller. */
    Response asAdmin(String path, Object body) {
        return send("POST", path, body, Map.of("Authorization", TestTokens.bearer(admin)));
    }

    String freshLoop() {
        return "/api/loops/" + asAdmin("/api/loops", parties.format()).assertStatus(201).json().get("loopId").asString();
    }

    String askedLoop() {
        String loop = freshLoop();
        asAdmin(loop + "/questions", parties.ask()).assertStatus(201);
        return loop;
    }

    String answeredLoop() {
        String loop = askedLoop();
        asAdmin(loop + "/answers", parties.answer()).assertStatus(201);
        return loop;
    }

    Call call(String path, Object body) {
        return Call.post(path, JSON.writeValueAsString(body));
    }

    @Test
    void everyEndpointAnswersEachKindOfCallerAsItsRuleSays() throws Exception {
        // given a client with a bank and an assigned coach, known to practice from story.events
        parties.publishBank(codec);
        token = TestTokens.coach(parties.orgId(), parties.coachId());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> post("/api/loop-plans", parties.format()).assertStatus(200));
        token = null;
        String readable = freshLoop();

        // when every endpoint is called by every kind of caller, then each gets what its rule prescribes
        EndpointMatrix.verify(application, Integer.parseInt(environment.getProperty("local.server.port")),
                new Parties(parties.orgId(), parties.clientId(), parties.coachId()), List.of(
                        endpoint("POST", "/api/loop-plans", Rule.CLIENT_RESOURCE, () -> call("/api/loop-plans", parties.format())),
                        endpoint("POST", "/api/loops", Rule.CLIENT_RESOURCE, () -> call("/api/loops", parties.format())),
                        endpoint("GET", "/api/loops/{loopId}", Rule.CLIENT_RESOURCE, () -> Call.get(readable)),
                        endpoint("POST", "/api/loops/{loopId}/questions", Rule.CLIENT_RESOURCE,
                                () -> call(freshLoop() + "/questions", parties.ask())),
                        endpoint("POST", "/api/loops/{loopId}/answers", Rule.CLIENT_RESOURCE,
                                () -> call(askedLoop() + "/answers", parties.answer())),
                        endpoint("POST", "/api/loops/{loopId}/probes", Rule.CLIENT_RESOURCE,
                                () -> call(answeredLoop() + "/probes", Map.of("interviewIndex", 0, "slotIndex", 0, "text", "What data?"))),
                        endpoint("POST", "/api/loops/{loopId}/ratings", Rule.CLIENT_RESOURCE,
                                () -> call(answeredLoop() + "/ratings", Map.of("interviewIndex", 0, "slotIndex", 0, "interviewerId", "mock-1",
                                        "rating", "INCLINED"))),
                        endpoint("POST", "/api/loops/{loopId}/completion", Rule.CLIENT_RESOURCE, () -> Call.post(freshLoop() + "/completion", null)),
                        endpoint("GET", "/api/questions", Rule.MEMBER, () -> Call.get("/api/questions?size=5")),
                        endpoint("GET", "/api/example-stories", Rule.MEMBER, () -> Call.get("/api/example-stories?size=5")),
                        endpoint("GET", "/api/admin/projections", Rule.OPERATOR, () -> Call.get("/api/admin/projections")),
                        endpoint("GET", "/api/admin/projections/{name}", Rule.OPERATOR, () -> Call.get("/api/admin/projections/" + PROJECTION)),
                        endpoint("POST", "/api/admin/projections/{name}/rebuild", Rule.OPERATOR,
                                () -> Call.post("/api/admin/projections/" + PROJECTION + "/rebuild", null))));

        // the operator's rebuild finishes before the next test shares this application
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(send("GET", "/api/admin/projections/" + PROJECTION, null,
                Map.of("Authorization", TestTokens.bearer(TestTokens.operator()))).body()).contains("\"state\":\"DONE\""));
    }
}
