package com.storyloop.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP endpoint of a running service, called by every kind of caller (issue 7). The endpoints come from the
 * application's own request mappings, so a new endpoint without a rule here fails the test, and so does a rule for an
 * endpoint that is gone. Each endpoint names one {@link Rule}, which fixes the status every kind of caller must get.
 *
 * <p>Callers who must be refused go first, with a fresh {@link Call} each, then the ones who must succeed, so a write's
 * success is not what makes a refusal look right. All mismatches are reported together.
 */
public final class EndpointMatrix {

    /** Who may use an endpoint. */
    public enum Rule {
        /** A client's own resource: the client, their assigned coach and an org admin; anyone else 404. */
        CLIENT_RESOURCE,
        /** Done by the client's coach or an org admin to a client's resource (coach scores): the client 403; anyone else 404. */
        COACHING,
        /** A coach's roster (lists, triage): coaches see their own clients in it, org admins all; a client 403; outsiders 404. */
        ROSTER,
        /** A coach's own views (calibration): that coach and an org admin; a client 403; another coach and outsiders 404. */
        COACH_SELF,
        /** Organisation-wide settings and analytics: org admins; the organisation's coaches and clients 403; outsiders 404. */
        ORGANISATION,
        /** Cohort analytics: the organisation's coaches (assigned or not) and org admins; its clients 403; outsiders 404. */
        STAFF,
        /** Readable by every member of the organisation (its chosen rubric); outsiders 404. */
        ORGANISATION_MEMBER,
        /** Shared content (question bank, rubric catalogue): anyone signed in. */
        MEMBER,
        /** The installation's administration (projection rebuilds): operators; everyone else 403. */
        OPERATOR,
        /** Needs no token (sign-in, the service map); only listed, so that being open is a decision. */
        OPEN,
        /**
         * A console page: it reads the session cookie, never a bearer header, and the services behind it apply the rules
         * above (the browser tests check them). A bearer token alone gets a GET sent to sign-in and a POST refused (no
         * CSRF token), whoever it names.
         */
        PAGE
    }

    /** The kinds of caller each endpoint meets. */
    public enum Kind {
        NO_TOKEN, EXPIRED, WRONGLY_SIGNED, OTHER_AUDIENCE, OTHER_ISSUER, OTHER_ORG_ADMIN, OPERATOR, OTHER_CLIENT, UNASSIGNED_COACH, CLIENT, COACH, ORG_ADMIN
    }

    /** The organisation, client and assigned coach whose resources the calls name. */
    public record Parties(String orgId, String clientId, String coachId) {
    }

    /** One request. */
    public record Call(String method, String path, String contentType, String body, Map<String, String> headers) {

        public static Call get(String path) {
            return new Call("GET", path, null, null, Map.of());
        }

        public static Call post(String path, String json) {
            return new Call("POST", path, json == null ? null : "application/json", json, Map.of());
        }

        public static Call put(String path, String json) {
            return new Call("PUT", path, "application/json", json, Map.of());
        }

        public Call with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Call(method, path, contentType, body, more);
        }

        public Call withBody(String type, String content) {
            return new Call(method, path, type, content, headers);
        }
    }

    /**
     * An endpoint as its mapping reads ({@code "GET", "/api/stories/{storyId}"}), its rule, and how to make one call of it
     * naming the parties' resources. The supplier runs once per caller, so a write can make a fresh resource each time.
     */
    public record Endpoint(String method, String pattern, Rule rule, Supplier<Call> call) {

        String key() {
            return method + " " + pattern;
        }
    }

    public static Endpoint endpoint(String method, String pattern, Rule rule, Supplier<Call> call) {
        return new Endpoint(method, pattern, rule, call);
    }

    private static final Map<Rule, Map<Kind, Integer>> EXPECTED = expectations();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<Kind, String> tokens = new EnumMap<>(Kind.class);

    private EndpointMatrix(int port, Parties parties) {
        this.base = "http://127.0.0.1:" + port;
        Caller client = new Caller("matrix-" + parties.clientId(), parties.orgId(), Set.of(Role.CLIENT), parties.clientId(), null);
        tokens.put(Kind.EXPIRED, TestTokens.expired(client));
        tokens.put(Kind.WRONGLY_SIGNED, TestTokens.signedByStranger(client));
        tokens.put(Kind.OTHER_AUDIENCE, TestTokens.forAnotherAudience(client));
        tokens.put(Kind.OTHER_ISSUER, TestTokens.fromAnotherIssuer(client));
        tokens.put(Kind.OTHER_ORG_ADMIN, TestTokens.orgAdmin("other-org-" + UUID.randomUUID()));
        tokens.put(Kind.OPERATOR, TestTokens.operator());
        tokens.put(Kind.OTHER_CLIENT, TestTokens.client(parties.orgId(), "other-client-" + UUID.randomUUID()));
        tokens.put(Kind.UNASSIGNED_COACH, TestTokens.coach(parties.orgId(), "unassigned-coach-" + UUID.randomUUID()));
        tokens.put(Kind.CLIENT, TestTokens.client(parties.orgId(), parties.clientId()));
        tokens.put(Kind.COACH, TestTokens.coach(parties.orgId(), parties.coachId()));
        tokens.put(Kind.ORG_ADMIN, TestTokens.orgAdmin(parties.orgId()));
    }

    /**
     * Checks that {@code endpoints} are exactly the application's endpoints (those of Storyloop's own controllers) and
     * that every kind of caller gets what the endpoint's rule says.
     */
    public static void verify(ApplicationContext application, int port, Parties parties, List<Endpoint> endpoints) throws Exception {
        Set<String> mapped = mappedEndpoints(application);
        Set<String> declared = new TreeSet<>();
        endpoints.forEach(e -> declared.add(e.key()));
        Set<String> withoutRule = new TreeSet<>(mapped);
        withoutRule.removeAll(declared);
        Set<String> withoutEndpoint = new TreeSet<>(declared);
        withoutEndpoint.removeAll(mapped);
        assertThat(withoutRule).as("endpoints of the running application without a rule in the matrix").isEmpty();
        assertThat(withoutEndpoint).as("rules in the matrix for endpoints the application does not have").isEmpty();

        EndpointMatrix matrix = new EndpointMatrix(port, parties);
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.rule() == Rule.OPEN) {
                continue;
            }
            if (endpoint.rule() == Rule.PAGE) {
                Call call = endpoint.call().get();
                HttpResponse<String> response = matrix.send(call, Kind.ORG_ADMIN);
                boolean sentToSignIn = response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/signin");
                boolean refused = !call.method().equals("GET") && response.statusCode() == 403;
                if (!sentToSignIn && !refused) {
                    mismatches.add(endpoint.key() + " [PAGE] with a bearer token: wanted a redirect to sign-in or a refused POST, got "
                            + response.statusCode() + " " + abbreviate(response.body()));
                }
                continue;
            }
            Map<Kind, Integer> expected = EXPECTED.get(endpoint.rule());
            List<Kind> order = new ArrayList<>();
            expected.forEach((kind, status) -> {
                if (status != 200) {
                    order.add(kind);
                }
            });
            expected.forEach((kind, status) -> {
                if (status == 200) {
                    order.add(kind);
                }
            });
            for (Kind kind : order) {
                Call call = endpoint.call().get();
                HttpResponse<String> response = matrix.send(call, kind);
                int want = expected.get(kind);
                boolean ok = want == 200 ? response.statusCode() / 100 == 2 : response.statusCode() == want;
                if (!ok) {
                    mismatches.add(endpoint.key() + " [" + endpoint.rule() + "] as " + kind + ": wanted " + (want == 200 ? "2xx" : want)
                            + ", got " + response.statusCode() + " for " + call.method() + " " + call.path() + " " + abbreviate(response.body()));
                } else if (want == 404 && !response.body().contains("\"status\":404")) {
                    mismatches.add(endpoint.key() + " as " + kind + ": a 404 must be a problem detail like any other, got " + abbreviate(response.body()));
                }
            }
        }
        assertThat(mismatches).as("endpoint x caller mismatches").isEmpty();
    }

    /** "METHOD /pattern" of every mapping served by Storyloop's own controllers (not Spring's error page or API docs). */
    public static Set<String> mappedEndpoints(ApplicationContext application) {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : application.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                if (!entry.getValue().getBeanType().getName().startsWith("com.storyloop.")) {
                    continue;
                }
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (methods.isEmpty()) {
                        mapped.add("ANY " + pattern);
                    }
                    methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        return mapped;
    }

    private HttpResponse<String> send(Call call, Kind kind) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        if (tokens.containsKey(kind)) {
            request.header("Authorization", TestTokens.bearer(tokens.get(kind)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static Map<Rule, Map<Kind, Integer>> expectations() {
        Map<Rule, Map<Kind, Integer>> rules = new EnumMap<>(Rule.class);
        rules.put(Rule.CLIENT_RESOURCE, statuses(404, 404, 404, 404, 200, 200, 200));
        rules.put(Rule.COACHING, statuses(404, 404, 404, 404, 403, 200, 200));
        rules.put(Rule.ROSTER, statuses(404, 404, 403, 200, 403, 200, 200));
        rules.put(Rule.COACH_SELF, statuses(404, 404, 403, 404, 403, 200, 200));
        rules.put(Rule.ORGANISATION, statuses(404, 404, 403, 403, 403, 403, 200));
        rules.put(Rule.STAFF, statuses(404, 404, 403, 200, 403, 200, 200));
        rules.put(Rule.ORGANISATION_MEMBER, statuses(404, 404, 200, 200, 200, 200, 200));
        rules.put(Rule.MEMBER, statuses(200, 200, 200, 200, 200, 200, 200));
        rules.put(Rule.OPERATOR, statuses(403, 200, 403, 403, 403, 403, 403));
        return rules;
    }

    /** 401 for the five without a valid token (none, expired, wrongly signed, another audience or issuer), then in order OTHER_ORG_ADMIN .. ORG_ADMIN; 200 stands for any 2xx. */
    private static Map<Kind, Integer> statuses(int otherOrgAdmin, int operator, int otherClient, int unassignedCoach, int client, int coach,
                                               int orgAdmin) {
        Map<Kind, Integer> statuses = new EnumMap<>(Kind.class);
        statuses.put(Kind.NO_TOKEN, 401);
        statuses.put(Kind.EXPIRED, 401);
        statuses.put(Kind.WRONGLY_SIGNED, 401);
        statuses.put(Kind.OTHER_AUDIENCE, 401);
        statuses.put(Kind.OTHER_ISSUER, 401);
        statuses.put(Kind.OTHER_ORG_ADMIN, otherOrgAdmin);
        statuses.put(Kind.OPERATOR, operator);
        statuses.put(Kind.OTHER_CLIENT, otherClient);
        statuses.put(Kind.UNASSIGNED_COACH, unassignedCoach);
        statuses.put(Kind.CLIENT, client);
        statuses.put(Kind.COACH, coach);
        statuses.put(Kind.ORG_ADMIN, orgAdmin);
        return statuses;
    }
}
