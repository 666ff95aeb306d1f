package com.storyloop.security.token;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenIssuerTest {

    @TempDir
    Path keys;

    @Test
    void mintsAnRs256TokenWithTheClaimsServicesAuthoriseOn() {
        DevelopmentSigningKey key = DevelopmentSigningKey.loadOrCreate(keys);
        Instant now = Instant.now();
        TokenIssuer issuer = new TokenIssuer(key, "urn:test", "storyloop", Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));

        TokenIssuer.IssuedToken token = issuer.issue(new Caller("user-grace", "demo-coaching", Set.of(Role.COACH), null, "coach-grace"));

        // decoded with the public key alone: the signature is the development key's
        Jwt jwt = NimbusJwtDecoder.withPublicKey(key.publicKey()).build().decode(token.value());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", key.keyId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("urn:test");
        assertThat(jwt.getAudience()).containsExactly("storyloop");
        assertThat(jwt.getSubject()).isEqualTo("user-grace");
        assertThat(jwt.getClaimAsString("org")).isEqualTo("demo-coaching");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("COACH");
        assertThat(jwt.getClaimAsString("coach_id")).isEqualTo("coach-grace");
        assertThat(jwt.hasClaim("client_id")).isFalse();
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAt()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(token.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anOperatorsTokenNamesNoOrganisationAndNobodyElsesMayLackOne() {
        DevelopmentSigningKey key = DevelopmentSigningKey.loadOrCreate(keys);
        TokenIssuer issuer = new TokenIssuer(key, "urn:test", "storyloop", Duration.ofMinutes(15), Clock.systemUTC());

        Jwt jwt = NimbusJwtDecoder.withPublicKey(key.publicKey()).build()
                .decode(issuer.issue(new Caller("ops", null, Set.of(Role.OPERATOR), null, null)).value());

        assertThat(jwt.hasClaim("org")).isFalse();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR");
        assertThatThrownBy(() -> issuer.issue(new Caller("stray", null, Set.of(Role.ORG_ADMIN), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names the organisation");
    }
}
