package com.storyloop.console.limits;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storyloop.testsupport.EndpointMatrix;
import com.storyloop.testsupport.EndpointMatrix.Call;
import com.storyloop.testsupport.EndpointMatrix.Parties;
import com.storyloop.testsupport.EndpointMatrix.Rule;
import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.ServiceTestProperties;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.testsupport.EndpointMatrix.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with the limits set low, as a real browser or script meets them: password guessing is slowed per address
 * (429 with Retry-After), an oversized body is refused before it is read (413); and its endpoint matrix.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsIT {

    /** Not a {@link com.storyloop.testsupport.ServiceBootContract}: its lifted test limits would win over these. */
    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
        registry.add("storyloop.web.limits.anonymous-writes-per-minute", () -> "3");
        registry.add("storyloop.web.limits.max-body-bytes", () -> "2048");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void guessingPasswordsIsSlowedDownWithTooManyRequestsAndRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            last = signIn("{\"email\": \"ada@demo-coaching.example\", \"password\": \"guess-" + attempt + "\"}");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).as(last.body()).isEqualTo(401);
        }

        assertThat(last.statusCode()).as(last.body()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(last.body()).contains("\"status\":429").contains("Too many writes");
    }

    @Test
    void anOversizedBodyIsRefusedWithAProblemNamingTheBody() throws Exception {
        String huge = "{\"email\": \"ada@demo-coaching.example\", \"password\": \"" + "x".repeat(4096) + "\"}";

        HttpResponse<String> refused = signIn(huge);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"status\":413").contains("\"field\":\"body\"").contains("exceeds 2048 bytes");
    }

    @Test
    void everyEndpointHasARuleAndAnswersEachCallerAsItSays() throws Exception {
        EndpointMatrix.verify(application, port,
                new Parties("matrix-org", "matrix-client", "matrix-coach"), List.of(
                        endpoint("POST", "/api/sessions", Rule.OPEN, () -> Call.post("/api/sessions", "{}")),
                        endpoint("GET", "/api/service-map", Rule.OPEN, () -> Call.get("/api/service-map")),
                        endpoint("GET", "/api/sessions/current", Rule.MEMBER, () -> Call.get("/api/sessions/current")),
                        endpoint("GET", "/signin", Rule.OPEN, () -> Call.get("/signin")),
                        endpoint("POST", "/signin", Rule.OPEN, () -> Call.post("/signin", "")),
                        endpoint("POST", "/signout", Rule.PAGE, () -> Call.post("/signout", "")),
                        endpoint("GET", "/", Rule.PAGE, () -> Call.get("/")),
                        endpoint("GET", "/roster", Rule.PAGE, () -> Call.get("/roster")),
                        endpoint("GET", "/roster/content", Rule.PAGE, () -> Call.get("/roster/content")),
                        endpoint("GET", "/live/roster", Rule.PAGE, () -> Call.get("/live/roster")),
                        endpoint("GET", "/roster/triage.csv", Rule.PAGE, () -> Call.get("/roster/triage.csv")),
                        endpoint("GET", "/analytics", Rule.PAGE, () -> Call.get("/analytics")),
                        endpoint("GET", "/analytics/{part}.csv", Rule.PAGE, () -> Call.get("/analytics/flags.csv")),
                        endpoint("GET", "/clients/{clientId}", Rule.PAGE, () -> Call.get("/clients/matrix-client")),
                        endpoint("GET", "/clients/{clientId}/content", Rule.PAGE, () -> Call.get("/clients/matrix-client/content")),
                        endpoint("GET", "/live/clients/{clientId}", Rule.PAGE, () -> Call.get("/live/clients/matrix-client")),
                        endpoint("GET", "/stories/{storyId}", Rule.PAGE, () -> Call.get("/stories/some-story")),
                        endpoint("POST", "/stories/{storyId}/preview", Rule.PAGE, () -> Call.post("/stories/some-story/preview", "")),
                        endpoint("POST", "/stories/{storyId}/revisions", Rule.PAGE, () -> Call.post("/stories/some-story/revisions", "")),
                        endpoint("GET", "/stories/{storyId}/progress", Rule.PAGE, () -> Call.get("/stories/some-story/progress")),
                        endpoint("GET", "/stories/{storyId}/diff", Rule.PAGE, () -> Call.get("/stories/some-story/diff?from=1&to=2")),
                        endpoint("POST", "/stories/{storyId}/deep-dive", Rule.PAGE, () -> Call.post("/stories/some-story/deep-dive", "")),
                        endpoint("GET", "/clients/{clientId}/practice", Rule.PAGE, () -> Call.get("/clients/matrix-client/practice")),
                        endpoint("POST", "/clients/{clientId}/practice/plan", Rule.PAGE, () -> Call.post("/clients/matrix-client/practice/plan", "")),
                        endpoint("POST", "/clients/{clientId}/practice/loops", Rule.PAGE, () -> Call.post("/clients/matrix-client/practice/loops", "")),
                        endpoint("GET", "/loops/{loopId}", Rule.PAGE, () -> Call.get("/loops/some-loop")),
                        endpoint("POST", "/loops/{loopId}/slots/{interview}/{slot}/question", Rule.PAGE, () -> Call.post("/loops/some-loop/slots/0/0/question", "")),
                        endpoint("POST", "/loops/{loopId}/slots/{interview}/{slot}/answer", Rule.PAGE, () -> Call.post("/loops/some-loop/slots/0/0/answer", "")),
                        endpoint("POST", "/loops/{loopId}/slots/{interview}/{slot}/probe", Rule.PAGE, () -> Call.post("/loops/some-loop/slots/0/0/probe", "")),
                        endpoint("POST", "/loops/{loopId}/slots/{interview}/{slot}/rating", Rule.PAGE, () -> Call.post("/loops/some-loop/slots/0/0/rating", "")),
                        endpoint("POST", "/loops/{loopId}/completion", Rule.PAGE, () -> Call.post("/loops/some-loop/completion", "")),
                        endpoint("GET", "/live/stories/{storyId}", Rule.PAGE, () -> Call.get("/live/stories/some-story"))));
    }

    private HttpResponse<String> signIn(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
