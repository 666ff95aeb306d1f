package com.storyloop.testsupport;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.token.DevelopmentSigningKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTokensTest {

    final JwtDecoder trustingTheTestKey = NimbusJwtDecoder.withPublicKey(DevelopmentSigningKey.readPublicKey(keysMadeByFirstToken())).build();

    static java.nio.file.Path keysMadeByFirstToken() {
        TestTokens.orgAdmin("warm-up");
        return TestTokens.keyDirectory();
    }

    @Test
    void aClientTokenCarriesTheirOrganisationRoleAndClientId() {
        Jwt jwt = trustingTheTestKey.decode(TestTokens.client("demo-coaching", "ada-lovelace"));

        assertThat(jwt.getClaimAsString("org")).isEqualTo("demo-coaching");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CLIENT");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("ada-lovelace");
        assertThat(jwt.getAudience()).containsExactly("storyloop");
    }

    @Test
    void coachAndOrgAdminTokensNameTheirRoles() {
        assertThat(trustingTheTestKey.decode(TestTokens.coach("demo-coaching", "coach-grace")).getClaimAsString("coach_id")).isEqualTo("coach-grace");
        assertThat(trustingTheTestKey.decode(TestTokens.orgAdmin("demo-coaching")).getClaimAsStringList("roles")).containsExactly("ORG_ADMIN");
    }

    @Test
    void theBadTokensAreRefusedByARealDecoder() {
        Caller ada = new Caller("test-ada", "demo-coaching", Set.of(Role.CLIENT), "ada-lovelace", null);

        assertThatThrownBy(() -> trustingTheTestKey.decode(TestTokens.expired(ada))).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> trustingTheTestKey.decode(TestTokens.signedByStranger(ada))).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aBearerHeaderValue() {
        assertThat(TestTokens.bearer("abc")).isEqualTo("Bearer abc");
    }
}
