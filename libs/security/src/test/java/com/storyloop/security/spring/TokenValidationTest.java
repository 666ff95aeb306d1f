package com.storyloop.security.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.testapp.SecuredTestApplication;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.security.token.TokenIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with the auto-configuration on and the development key: tokens are validated by Spring Security and
 * Nimbus exactly as in a service, only the tokens are made here.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,info"})
class TokenValidationTest {

    static final Path KEYS = temporaryFolder("storyloop-keys");
    static final Path STRANGER_KEYS = temporaryFolder("stranger-keys");
    static final Caller GRACE = new Caller("user-grace", "demo-coaching", Set.of(Role.COACH), null, "coach-grace");

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("storyloop.security.dev-key-directory", KEYS::toString);
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    static TokenIssuer issuer(Path keys, String issuer, String audience, Clock clock) {
        return new TokenIssuer(DevelopmentSigningKey.loadOrCreate(keys), issuer, audience, Duration.ofMinutes(15), clock);
    }

    static String token(Path keys, String issuer, String audience, Clock clock) {
        return issuer(keys, issuer, audience, clock).issue(GRACE).value();
    }

    static String validToken() {
        return token(KEYS, StoryloopSecurityProperties.LOCAL_DEV_ISSUER, "storyloop", Clock.systemUTC());
    }

    @Test
    void aValidTokenIsAcceptedAndNamesTheCaller() {
        HttpResponse<String> response = get("/api/whoami", validToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"user-grace\"").contains("\"org\":\"demo-coaching\"").contains("COACH");
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemDetailSayingHowToGetOne() {
        HttpResponse<String> response = get("/api/whoami", null);

        assertUnauthorized(response);
        assertThat(response.body()).contains("\"detail\":\"Send a bearer token");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);

        assertUnauthorized(get("/api/whoami", token(KEYS, StoryloopSecurityProperties.LOCAL_DEV_ISSUER, "storyloop", anHourAgo)));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertUnauthorized(get("/api/whoami", token(STRANGER_KEYS, StoryloopSecurityProperties.LOCAL_DEV_ISSUER, "storyloop", Clock.systemUTC())));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWithOurKey() {
        assertUnauthorized(get("/api/whoami", token(KEYS, "https://evil.example", "storyloop", Clock.systemUTC())));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertUnauthorized(get("/api/whoami", token(KEYS, StoryloopSecurityProperties.LOCAL_DEV_ISSUER, "billing", Clock.systemUTC())));
    }

    @Test
    void aTokenNamingNoSubjectIsRefused() {
        DevelopmentSigningKey key = DevelopmentSigningKey.loadOrCreate(KEYS);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
                new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.keyId()).build())));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(StoryloopSecurityProperties.LOCAL_DEV_ISSUER).audience(List.of("storyloop"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).claim("org", "demo-coaching").build();
        String anonymous = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.keyId()).build(), claims))
                .getTokenValue();

        assertUnauthorized(get("/api/whoami", anonymous));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = validToken().split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("demo-coaching", "rival-coaching").getBytes());

        assertUnauthorized(get("/api/whoami", parts[0] + "." + otherClaims + "." + parts[2]));
    }

    @Test
    void aRoleTheEndpointDoesNotAllowIs403ProblemDetail() {
        HttpResponse<String> response = get("/api/analytics", validToken());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").contains("\"title\":\"Not allowed\"");
    }

    @Test
    void healthAndInfoAnswerWithoutAToken() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(200);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Authentication required\"")
                .contains("\"instance\":\"/api/whoami\"").doesNotContain("user-grace");
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            folder.toFile().deleteOnExit();
            return folder.resolve("keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
