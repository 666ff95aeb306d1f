package com.storyloop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.caller.StoryloopClaims;
import com.storyloop.security.spring.StoryloopSecurityProperties;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.security.token.TokenIssuer;

/**
 * Bearer tokens for integration tests, signed with a key made once per test JVM, and the properties that make a service
 * under test trust exactly that key ({@link #register}). Also the bad tokens every endpoint must refuse: expired, signed by
 * a stranger. Real signatures, validated by the service's real decoder: nothing about validation is mocked.
 */
public final class TestTokens {

    private static final Path KEYS = folder("storyloop-test-keys");
    private static final Path STRANGER_KEYS = folder("storyloop-stranger-keys");

    private TestTokens() {
    }

    /** Call from a {@code @DynamicPropertySource} method, next to {@link ServiceTestProperties#register}. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("storyloop.security.issuer-uri", () -> "");
        registry.add("storyloop.security.dev-key-directory", KEYS::toString);
        registry.add("storyloop.security.dev-issuer", () -> StoryloopSecurityProperties.LOCAL_DEV_ISSUER);
        registry.add("storyloop.security.audience", () -> StoryloopClaims.DEFAULT_AUDIENCE);
    }

    /** The folder of this JVM's test signing key, for a test that mints with its own {@link TokenIssuer}. */
    public static Path keyDirectory() {
        return KEYS;
    }

    public static String orgAdmin(String orgId) {
        return forCaller(new Caller("test-admin-" + orgId, orgId, Set.of(Role.ORG_ADMIN), null, null));
    }

    public static String coach(String orgId, String coachId) {
        return forCaller(new Caller("test-" + coachId, orgId, Set.of(Role.COACH), null, coachId));
    }

    public static String client(String orgId, String clientId) {
        return forCaller(new Caller("test-" + clientId, orgId, Set.of(Role.CLIENT), clientId, null));
    }

    /** An operator of the installation: projection admin, installation-wide rubrics; no organisation. */
    public static String operator() {
        return forCaller(new Caller("test-operator", null, Set.of(Role.OPERATOR), null, null));
    }

    public static String forCaller(Caller caller) {
        return issuer(KEYS, Clock.systemUTC()).issue(caller).value();
    }

    /** Expired an hour ago, far beyond any clock skew a validator allows. */
    public static String expired(Caller caller) {
        return issuer(KEYS, Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC)).issue(caller).value();
    }

    /** Well-formed and current, but signed with a key no service trusts. */
    public static String signedByStranger(Caller caller) {
        return issuer(STRANGER_KEYS, Clock.systemUTC()).issue(caller).value();
    }

    /** Signed with the trusted key, but for another audience (a token meant for some other system). */
    public static String forAnotherAudience(Caller caller) {
        return new TokenIssuer(DevelopmentSigningKey.loadOrCreate(KEYS), StoryloopSecurityProperties.LOCAL_DEV_ISSUER, "not-storyloop",
                TokenIssuer.DEFAULT_LIFETIME, Clock.systemUTC()).issue(caller).value();
    }

    /** Signed with the trusted key, but naming another issuer. */
    public static String fromAnotherIssuer(Caller caller) {
        return new TokenIssuer(DevelopmentSigningKey.loadOrCreate(KEYS), "urn:someone-else", StoryloopClaims.DEFAULT_AUDIENCE,
                TokenIssuer.DEFAULT_LIFETIME, Clock.systemUTC()).issue(caller).value();
    }

    /** The value of an Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static TokenIssuer issuer(Path keys, Clock clock) {
        return new TokenIssuer(DevelopmentSigningKey.loadOrCreate(keys), StoryloopSecurityProperties.LOCAL_DEV_ISSUER,
                StoryloopClaims.DEFAULT_AUDIENCE, TokenIssuer.DEFAULT_LIFETIME, clock);
    }

    private static Path folder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            folder.toFile().deleteOnExit();
            return folder.resolve("keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
