package com.storyloop.console.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's one way to call the services (backend for frontend): always with the signed-in user's own token, so
 * every rule (who may see which client, what a valid story is) is decided by the service that owns it. Bodies come back
 * as plain maps and lists, which templates read directly; a refusal comes back as a {@link ServiceProblem}.
 */
public final class ServiceCalls {

    /** The services the console talks to, by the names used in {@code storyloop.console.services}. */
    public enum Service {
        STORY("story-service"), SCORING("scoring-service"), PRACTICE("practice-session-service"), COVERAGE("coverage-service");

        private final String key;

        Service(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A successful answer: status, the headers the console uses (ETag, Location), the body as maps and lists. */
    public record Reply(int status, String etag, String location, Object body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> object() {
            return body instanceof Map ? (Map<String, Object>) body : Map.of();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> baseUrls;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServiceCalls(Map<String, String> baseUrls, JsonMapper json) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.json = json;
    }

    /** Calls made with the token of the user whose request is being served. */
    public As asCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            throw new ServiceProblem(401, "Sign-in required", "Sign in to see this page.", Map.of());
        }
        return as(jwt.getToken().getTokenValue());
    }

    public As as(String token) {
        return new As(Objects.requireNonNull(token));
    }

    /** Calls on behalf of one user. Path templates take their variables encoded, so an id can never change the path. */
    public final class As {

        private final String token;

        private As(String token) {
            this.token = token;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> getObject(Service service, String pathTemplate, Object... variables) {
            Object body = send(service, "GET", pathTemplate, variables, null, Map.of()).body();
            return body instanceof Map ? (Map<String, Object>) body : Map.of();
        }

        @SuppressWarnings("unchecked")
        public List<Object> getList(Service service, String pathTemplate, Object... variables) {
            Object body = send(service, "GET", pathTemplate, variables, null, Map.of()).body();
            return body instanceof List ? (List<Object>) body : List.of();
        }

        /** The raw text of an answer, for CSV exports passed through unchanged. */
        public String getText(Service service, String pathTemplate, Object... variables) {
            HttpResponse<String> response = exchange(service, "GET", uri(service, pathTemplate, variables), null, Map.of("Accept", "text/csv"));
            return response.body();
        }

        public Reply post(Service service, String pathTemplate, Object body, Map<String, String> headers, Object... variables) {
            return send(service, "POST", pathTemplate, variables, body, headers);
        }

        public Reply put(Service service, String pathTemplate, Object body, Map<String, String> headers, Object... variables) {
            return send(service, "PUT", pathTemplate, variables, body, headers);
        }

        private Reply send(Service service, String method, String pathTemplate, Object[] variables, Object body, Map<String, String> headers) {
            Map<String, String> allHeaders = new LinkedHashMap<>(headers);
            allHeaders.putIfAbsent("Accept", "application/json");
            HttpResponse<String> response = exchange(service, method, uri(service, pathTemplate, variables), body, allHeaders);
            Object parsed = response.body() == null || response.body().isBlank() ? null : json.readValue(response.body(), Object.class);
            return new Reply(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null), parsed);
        }

        private HttpResponse<String> exchange(Service service, String method, URI uri, Object body, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw ServiceProblem.unreachable(service.key(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ServiceProblem.unreachable(service.key(), e);
            }
            if (response.statusCode() >= 400) {
                throw problemFrom(response);
            }
            return response;
        }
    }

    private URI uri(Service service, String pathTemplate, Object[] variables) {
        String base = baseUrls.get(service.key());
        if (base == null) {
            throw new IllegalStateException("storyloop.console.services." + service.key() + " is not set");
        }
        // encode the template first, then each variable strictly: a "/" or "?" inside an id stays data
        return UriComponentsBuilder.fromUriString(base + pathTemplate).encode().buildAndExpand(variables).toUri();
    }

    private ServiceProblem problemFrom(HttpResponse<String> response) {
        int status = response.statusCode();
        String title = "Request refused";
        String detail = "The service answered " + status + ".";
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(response.body());
            title = problem.path("title").asString(title);
            detail = problem.path("detail").asString(detail);
            for (JsonNode error : problem.path("errors")) {
                fields.put(error.path("field").asString(""), error.path("message").asString(""));
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page, say: the status alone is what we know
        }
        return new ServiceProblem(status, title, detail, fields);
    }
}
