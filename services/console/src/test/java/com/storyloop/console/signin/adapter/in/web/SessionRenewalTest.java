package com.storyloop.console.signin.adapter.in.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.storyloop.console.signin.application.Accounts;
import com.storyloop.console.signin.application.PasswordHashing;
import com.storyloop.console.signin.application.SignIn;
import com.storyloop.console.signin.domain.Account;
import com.storyloop.console.web.SessionCookie;
import com.storyloop.security.caller.Role;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.security.token.TokenIssuer;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRenewalTest {

    static final String ISSUER = "urn:storyloop:local-development";
    static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path keys;

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void givenASessionPastHalfItsLife_whenAPageIsRequested_thenTheCookieGetsAFreshToken() throws Exception {
        MockHttpServletResponse response = requestAt(ISSUED.plus(Duration.ofMinutes(10)), "ada");

        assertThat(response.getHeaders("Set-Cookie")).singleElement().satisfies(cookie ->
                assertThat(cookie).startsWith(SessionCookie.NAME + "=ey").contains("HttpOnly").contains("SameSite=Lax"));
        // the renewed token keeps the time of the sign-in, so the session still ends LONGEST_SESSION after it
        String renewed = response.getHeaders("Set-Cookie").get(0).split("=", 2)[1].split(";", 2)[0];
        String claims = new String(java.util.Base64.getUrlDecoder().decode(renewed.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"auth_time\":" + ISSUED.getEpochSecond());
    }

    @Test
    void givenAFreshSession_whenAPageIsRequested_thenNothingIsRenewed() throws Exception {
        assertThat(requestAt(ISSUED.plus(Duration.ofMinutes(2)), "ada").getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void givenASessionSignedInLongerAgoThanTheLongestSession_whenAPageIsRequested_thenItIsNotRenewed() throws Exception {
        assertThat(requestAt(ISSUED.plus(Duration.ofMinutes(10)), "ada", ISSUED.minus(SessionRenewal.LONGEST_SESSION)).getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void givenTheLiveStreamReconnecting_whenItsSessionIsOld_thenOnlyAUserActionRenewsIt() throws Exception {
        assertThat(requestAt(ISSUED.plus(Duration.ofMinutes(10)), "ada", ISSUED, "/live/clients/ada").getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void givenAnAccountThatNoLongerExists_whenItsSessionIsOld_thenItIsNotRenewed() throws Exception {
        assertThat(requestAt(ISSUED.plus(Duration.ofMinutes(10)), "removed-user").getHeaders("Set-Cookie")).isEmpty();
    }

    private MockHttpServletResponse requestAt(Instant now, String subject) throws Exception {
        return requestAt(now, subject, ISSUED, "/roster");
    }

    private MockHttpServletResponse requestAt(Instant now, String subject, Instant signedInAt) throws Exception {
        return requestAt(now, subject, signedInAt, "/roster");
    }

    private MockHttpServletResponse requestAt(Instant now, String subject, Instant signedInAt, String path) throws Exception {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Account ada = new Account("ada", "demo", "ada@demo.example", "Ada", "hash", EnumSet.of(Role.CLIENT), "ada", null);
        Accounts accounts = new Accounts() {
            @Override
            public Optional<Account> byEmail(String normalisedEmail) {
                return Optional.empty();
            }

            @Override
            public Optional<Account> byUserId(String userId) {
                return userId.equals("ada") ? Optional.of(ada) : Optional.empty();
            }

            @Override
            public void save(Account account) {
            }
        };
        PasswordHashing hashing = new PasswordHashing() {
            @Override
            public String hash(String password) {
                return "hash";
            }

            @Override
            public boolean matches(String password, String hash) {
                return false;
            }
        };
        SignIn signIn = new SignIn(accounts, hashing, () -> new TokenIssuer(DevelopmentSigningKey.loadOrCreate(keys), ISSUER, "storyloop",
                TokenIssuer.DEFAULT_LIFETIME, clock));
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("auth_time", signedInAt.getEpochSecond());
        Jwt jwt = new Jwt("old-token", ISSUED, ISSUED.plus(TokenIssuer.DEFAULT_LIFETIME), Map.of("alg", "RS256"), claims);
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setCookies(new Cookie(SessionCookie.NAME, "old-token"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SessionRenewal(signIn, ISSUER, clock).doFilter(request, response, new MockFilterChain());
        return response;
    }
}
