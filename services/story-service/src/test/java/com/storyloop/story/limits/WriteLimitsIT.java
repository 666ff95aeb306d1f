package com.storyloop.story.limits;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.ServiceTestProperties;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** A user writing faster than the limit is told to wait (429, Retry-After) without slowing anyone else down. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteLimitsIT {

    /** Not a ServiceBootContract: its lifted test limits would win over this one. */
    @DynamicPropertySource
    static void lowLimit(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
        registry.add("storyloop.web.limits.writes-per-minute", () -> "3");
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFourthWriteInAMinuteIsRefusedWithRetryAfterWhileAnotherUserStillWrites() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String hasty = TestTokens.forCaller(new Caller("hasty-admin-" + UUID.randomUUID(), org, Set.of(Role.ORG_ADMIN), null, null));
        String calm = TestTokens.forCaller(new Caller("calm-admin-" + UUID.randomUUID(), org, Set.of(Role.ORG_ADMIN), null, null));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> opened = openBank(hasty, org);
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        }

        HttpResponse<String> refused = openBank(hasty, org);
        HttpResponse<String> someoneElse = openBank(calm, org);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(someoneElse.statusCode()).as(someoneElse.body()).isEqualTo(201);
        HttpResponse<String> reads = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/clients/nobody/bank"))
                .header("Authorization", TestTokens.bearer(hasty)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reads.statusCode()).as("reads are not limited").isEqualTo(404);
    }

    private HttpResponse<String> openBank(String token, String org) throws Exception {
        String body = """
                {"orgId": "%s", "clientId": "client-%s", "coachId": "coach-1", "targetRole": "Senior PM", "targetLevel": "L6"}
                """.formatted(org, UUID.randomUUID());
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/banks")).header("Authorization", TestTokens.bearer(token))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
