package com.storyloop.practice.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.ServiceTestProperties;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice-session-service over real HTTP against the shared real Kafka and PostgreSQL. Requests carry {@link #token}
 * as a bearer token (each test sets the caller it means); the content allow-list is fixed here, so every IT shares one context.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PracticeServiceIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
        registry.add("storyloop.content.allowed-providers", () -> String.join(",", ContentOrganisations.ACCEPTED));
        // org-narrow accepts both providers installation-wide but serves its members only one of them
        registry.add("storyloop.content.organisations." + ContentOrganisations.NARROW + ".allowed-providers", () -> ContentOrganisations.SECOND);
    }

    /** The bearer token every request of this test presents, unless it sends an Authorization header itself; null sends none. */
    protected String token;

    @Autowired
    protected Environment environment;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        public Response assertStatus(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        /** An RFC 9457 problem detail with this status, naming this field in its errors. */
        public Response assertProblem(int expected, String field) {
            assertStatus(expected);
            assertThat(header("Content-Type")).contains("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expected);
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (field != null) {
                assertThat(problem.get("errors").values()).as(body).extracting(e -> e.get("field").asString()).contains(field);
            }
            return this;
        }
    }

    protected Response send(String method, String path, Object json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        headers.forEach(request::header);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json)));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    protected Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    protected Response post(String path, Object json) {
        return send("POST", path, json, Map.of());
    }
}
