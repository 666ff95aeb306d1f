package com.storyloop.console.signin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storyloop.console.signin.adapter.in.startup.DemoUsersOnStart;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.testsupport.ServiceBootContract;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo users sign in against real PostgreSQL and get a token the console itself (security on, development key) accepts;
 * wrong credentials get one and the same 401 whatever was wrong.
 */
class SignInIT extends ServiceBootContract {

    static final Path HOME = home();

    @DynamicPropertySource
    static void signIn(DynamicPropertyRegistry registry) {
        registry.add("storyloop.console.demo-users", () -> "true");
        registry.add("storyloop.console.demo-users-file", () -> HOME.resolve("demo-users.txt").toString());
    }

    @Autowired
    DemoUsersOnStart demoUsers;

    final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected String schema() {
        return "console";
    }

    @Override
    protected List<String> tables() {
        return List.of("users");
    }

    @Override
    protected List<String> metrics() {
        return List.of();
    }

    @Test
    void theSignInFormSetsAnHttpOnlySessionAndAFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> form = page("GET", "/signin", null, Map.of());
        assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'"));
        String xsrf = cookie(form, "XSRF-TOKEN");
        Matcher hidden = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(hidden.find()).as("the form carries its CSRF token").isTrue();

        HttpResponse<String> signedIn = page("POST", "/signin", "email=grace%40demo-coaching.example&password="
                + java.net.URLEncoder.encode(demoPassword("grace@demo-coaching.example"), java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + hidden.group(1), Map.of("Cookie", "XSRF-TOKEN=" + xsrf));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("storyloop_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        String session = "storyloop_session=" + setCookie.substring("storyloop_session=".length()).split(";")[0];

        HttpResponse<String> noToken = page("POST", "/signin", "email=a%40b.example&password=x", Map.of());
        assertThat(noToken.statusCode()).as("sign-in without the form's token: %s", noToken.headers().map()).isEqualTo(403);
        HttpResponse<String> forged = page("POST", "/signout", "", Map.of("Cookie", session));
        assertThat(forged.statusCode()).as("a cross-site form carries the cookie but not the token").isEqualTo(403);
        HttpResponse<String> signedOut = page("POST", "/signout", "_csrf=" + hidden.group(1), Map.of("Cookie", session + "; XSRF-TOKEN=" + xsrf));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("storyloop_session=;").contains("Max-Age=0"));
    }

    @Test
    void anHtmxRequestWithoutASessionGetsAMessageInPlaceNotARedirect() throws Exception {
        HttpResponse<String> refused = page("GET", "/roster", null, Map.of("HX-Request", "true"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Your sign-in has ended").contains("your text is still here");
    }

    private HttpResponse<String> page(String method, String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1).split(";")[0]).orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    @Test
    void aDemoClientSignsInAndTheirTokenNamesTheirOrganisationRoleAndClient() throws Exception {
        HttpResponse<String> session = post("/api/sessions", signInJson("Ada@demo-coaching.example", demoPassword("ada@demo-coaching.example")));

        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(session.body()).contains("\"tokenType\":\"Bearer\"").contains("\"expiresIn\":");
        String token = field(session.body(), "accessToken");
        Jwt jwt = NimbusJwtDecoder.withPublicKey(DevelopmentSigningKey.readPublicKey(TestTokens.keyDirectory())).build().decode(token);
        assertThat(jwt.getSubject()).isEqualTo("demo-client-ada");
        assertThat(jwt.getClaimAsString("org")).isEqualTo("demo-coaching");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CLIENT");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("ada-lovelace");
        assertThat(jwt.getAudience()).containsExactly("storyloop");

        HttpResponse<String> current = getWithToken("/api/sessions/current", token);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(current.body()).contains("\"clientId\":\"ada-lovelace\"").contains("\"roles\":[\"CLIENT\"]");
    }

    @Test
    void aCoachsTokenNamesTheCoach() throws Exception {
        HttpResponse<String> session = post("/api/sessions", signInJson("grace@demo-coaching.example", demoPassword("grace@demo-coaching.example")));

        assertThat(session.statusCode()).isEqualTo(200);
        HttpResponse<String> current = getWithToken("/api/sessions/current", field(session.body(), "accessToken"));
        assertThat(current.body()).contains("\"coachId\":\"coach-grace\"").contains("\"roles\":[\"COACH\"]");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSame401() throws Exception {
        HttpResponse<String> wrongPassword = post("/api/sessions", signInJson("ada@demo-coaching.example", "not-her-password"));
        HttpResponse<String> unknownEmail = post("/api/sessions", signInJson("nobody@demo-coaching.example", "whatever"));

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(wrongPassword.body()).contains("\"title\":\"Sign-in failed\"").doesNotContain("accessToken");
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void aSignInWithoutPasswordIsAnInvalidRequest() throws Exception {
        HttpResponse<String> response = post("/api/sessions", "{\"email\": \"ada@demo-coaching.example\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"password\"");
    }

    @Test
    void withoutATokenOnlyTheOpenPagesAnswer() throws Exception {
        HttpResponse<String> current = getWithToken("/api/sessions/current", null);

        assertThat(current.statusCode()).isEqualTo(401);
        assertThat(current.body()).contains("\"title\":\"Authentication required\"");
        assertThat(getWithToken("/api/service-map", null).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/index.html", null).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/signin", null).statusCode()).isEqualTo(200);
        HttpResponse<String> page = getWithToken("/roster", null);
        assertThat(page.statusCode()).as("a page without a session sends the visitor to sign in").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?next=%2Froster"));
    }

    @Test
    void passwordsAreStoredAsBCryptHashesOnly() throws Exception {
        String password = demoPassword("admin@demo-coaching.example");

        String hash = jdbc.queryForObject("select password_hash from console.users where email = ?", String.class, "admin@demo-coaching.example");

        assertThat(hash).startsWith("$2a$12$").doesNotContain(password);
        assertThat(jdbc.queryForObject("select count(*) from console.users where org_id = 'demo-coaching'", Integer.class)).isEqualTo(6);
    }

    @Test
    void demoPasswordsAreReadableByTheOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        Path file = HOME.resolve("demo-users.txt");
        String before = Files.readString(file);

        demoUsers.seed();

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(post("/api/sessions", signInJson("alan@demo-coaching.example", demoPassword("alan@demo-coaching.example"))).statusCode())
                .isEqualTo(200);
    }

    static String signInJson(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    static String demoPassword(String email) throws IOException {
        return Files.readAllLines(HOME.resolve("demo-users.txt")).stream().filter(line -> line.startsWith(email + " "))
                .map(line -> line.trim().split("\\s+")[1]).findFirst().orElseThrow();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithToken(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path home() {
        try {
            Path home = Files.createTempDirectory("storyloop-console-home");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
