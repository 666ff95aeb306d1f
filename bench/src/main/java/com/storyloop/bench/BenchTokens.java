package com.storyloop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.caller.StoryloopClaims;
import com.storyloop.security.spring.StoryloopSecurityProperties;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.security.token.TokenIssuer;

/**
 * The benchmarks' services trust a key made for this run, and the load generator signs its requests with it: every
 * measured request is validated exactly as in production. Per-user write limits are lifted for the benchmark's services,
 * since one load generator plays many users under one organisation admin.
 */
public final class BenchTokens {

    private static final Path KEYS = keys();

    private BenchTokens() {
    }

    /** Environment for a service the benchmark starts. */
    static Map<String, String> serviceEnvironment() {
        return Map.of("STORYLOOP_SECURITY_DEV_KEY_DIRECTORY", KEYS.toString(), "STORYLOOP_WEB_LIMITS_WRITES_PER_MINUTE", "100000000");
    }

    static String orgAdmin(String orgId) {
        return mint(new Caller("bench-admin", orgId, Set.of(Role.ORG_ADMIN), null, null));
    }

    static String operator() {
        return mint(new Caller("bench-operator", null, Set.of(Role.OPERATOR), null, null));
    }

    private static String mint(Caller caller) {
        return signedWith(KEYS, caller);
    }

    /** A token for {@code caller} signed with the development key in {@code keys}, e.g. a running platform's. */
    public static String signedWith(Path keys, Caller caller) {
        // long enough for the longest benchmark run
        return new TokenIssuer(DevelopmentSigningKey.loadOrCreate(keys), StoryloopSecurityProperties.LOCAL_DEV_ISSUER, StoryloopClaims.DEFAULT_AUDIENCE,
                Duration.ofHours(4), Clock.systemUTC()).issue(caller).value();
    }

    private static Path keys() {
        try {
            return Files.createTempDirectory("storyloop-bench-keys").resolve("keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
