package com.storyloop.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.caller.StoryloopClaims;

/**
 * Mints the short-lived RS256 access tokens the console hands out locally: registered claims (iss, aud, sub, iat, exp, jti)
 * plus the organisation, roles and client or coach id the services authorise on. In production an OIDC provider issues
 * tokens of the same shape instead (docs/operations.md).
 */
public final class TokenIssuer {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    /** When the user signed in, in seconds since the epoch (the OpenID Connect claim). */
    public static final String AUTH_TIME = "auth_time";

    /** A signed token and the moment it stops being accepted. */
    public record IssuedToken(String value, Instant expiresAt) {
    }

    private final NimbusJwtEncoder encoder;
    private final String keyId;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public TokenIssuer(DevelopmentSigningKey key, String issuer, String audience, Duration lifetime, Clock clock) {
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.keyId()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        this.keyId = key.keyId();
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("A token lifetime must be positive, not " + lifetime);
        }
    }

    public IssuedToken issue(Caller caller) {
        return issue(caller, clock.instant());
    }

    /**
     * A token for a session that began at {@code signedInAt} (OpenID Connect's {@code auth_time}): a renewed token keeps
     * the time its user actually signed in, so a session's total length can be bounded.
     */
    public IssuedToken issue(Caller caller, Instant signedInAt) {
        if (caller.orgId() == null && !caller.isOperator()) {
            throw new IllegalArgumentException("A token names the organisation, unless it is an operator's (the installation's, no organisation's)");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(caller.subject())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(java.util.UUID.randomUUID().toString())
                .claim(AUTH_TIME, signedInAt.getEpochSecond())
                .claim(StoryloopClaims.ROLES, caller.roles().stream().map(Role::name).sorted().toList());
        if (caller.orgId() != null) {
            claims.claim(StoryloopClaims.ORG, caller.orgId());
        }
        if (caller.clientId() != null) {
            claims.claim(StoryloopClaims.CLIENT_ID, caller.clientId());
        }
        if (caller.coachId() != null) {
            claims.claim(StoryloopClaims.COACH_ID, caller.coachId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, expiresAt);
    }

    public String issuer() {
        return issuer;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
