package com.storyloop.story.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The story-service over real HTTP against the shared real Kafka and PostgreSQL: a client's view of the API, plus a look
 * at the event table to prove what was (and was not) appended. Every request carries {@link #token}: an admin of
 * {@link #ORG} unless a test acts as someone else.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StoryServiceIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    /** The organisation the banks of {@link #openBank()} belong to. */
    protected static final String ORG = "org-it";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    protected Environment environment;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** The bearer token every request presents (see {@link TestTokens}); null sends none. */
    protected String token = TestTokens.orgAdmin(ORG);

    protected record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        public String etag() {
            return header("ETag");
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
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (field != null) {
                assertThat(problem.get("errors").values()).as(body).extracting(e -> e.get("field").asString()).contains(field);
            }
            return this;
        }
    }

    protected Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    protected Response send(String method, String path, Object json, Map<String, String> headers) {
        return send(method, path, "application/json", json == null ? null : JSON.writeValueAsBytes(json), headers);
    }

    protected Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    protected Response post(String path, Object json) {
        return send("POST", path, json, Map.of());
    }

    protected Response postIfMatch(String path, Object json, String etag) {
        return send("POST", path, json, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    protected Response putIfMatch(String path, Object json, String etag) {
        return send("PUT", path, json, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    /** Opens a bank for a new client of {@link #ORG} coached by coach-1, as the current {@link #token}. */
    protected String openBank() {
        return openBank(ORG, "client-" + UUID.randomUUID(), "coach-1");
    }

    protected String openBank(String orgId, String clientId, String coachId) {
        Map<String, Object> bank = new LinkedHashMap<>();
        bank.put("orgId", orgId);
        bank.put("clientId", clientId);
        if (coachId != null) {
            bank.put("coachId", coachId);
        }
        bank.put("targetRole", "Senior PM");
        bank.put("targetLevel", "L6");
        bank.put("interviewDate", "2027-03-01");
        Response opened = post("/api/banks", bank).assertStatus(201);
        return opened.json().get("bankId").asString();
    }

    /** Runs {@code action} presenting {@code as} instead of the current token. */
    protected <T> T as(String as, java.util.function.Supplier<T> action) {
        String previous = token;
        token = as;
        try {
            return action.get();
        } finally {
            token = previous;
        }
    }

    protected static Map<String, Object> starStory(String title) {
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("title", title);
        story.put("situation", "Checkout conversion rose 4% after the redesign, but support tickets from screen-reader users tripled.");
        story.put("task", "I owned checkout quality for all customers.");
        story.put("action", "I rolled back the redesign for assistive-technology sessions and shipped an accessible fix in a week.");
        story.put("result", "Conversion kept +3.6% and accessibility tickets returned to baseline.");
        story.put("principles", List.of("CUSTOMER_OBSESSION", "DIVE_DEEP"));
        return story;
    }

    protected static Map<String, Object> with(Map<String, Object> story, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(story);
        changed.put(field, value);
        return changed;
    }

    /** Drafts a story; returns the 201 response (storyId in the body, ETag "1"). */
    protected Response draft(String bankId, Map<String, Object> story) {
        return post("/api/banks/" + bankId + "/stories", story).assertStatus(201);
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from events", Long.class);
        return count == null ? 0 : count;
    }

    protected long eventCount(String streamId) {
        Long count = jdbc.queryForObject("select count(*) from events where stream_id = ?", Long.class, streamId);
        return count == null ? 0 : count;
    }
}
