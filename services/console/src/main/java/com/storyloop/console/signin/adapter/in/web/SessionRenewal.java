package com.storyloop.console.signin.adapter.in.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.storyloop.console.signin.application.SignIn;
import com.storyloop.console.web.SessionCookie;
import com.storyloop.security.token.TokenIssuer;

/**
 * Keeps an active console session alive: once a page request arrives with less than half of its token's life left, the
 * cookie gets a fresh token. Tokens stay short-lived (a stolen one is soon useless) while someone editing a story is not
 * signed out mid-sentence. Only tokens this console issued are renewed; an identity provider's are its own business.
 */
public final class SessionRenewal extends OncePerRequestFilter {

    /** However active, a session ends this long after its sign-in: a stolen token cannot be renewed for ever. */
    public static final Duration LONGEST_SESSION = Duration.ofHours(12);

    private final SignIn signIn;
    private final String localIssuer;
    private final Clock clock;

    public SessionRenewal(SignIn signIn, String localIssuer, Clock clock) {
        this.signIn = signIn;
        this.localIssuer = localIssuer;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && SessionCookie.read(request) != null
                // the claim as text: the local issuer is a URN, which Jwt.getIssuer() cannot turn into a URL
                && localIssuer.equals(jwt.getToken().getClaimAsString("iss"))
                && jwt.getToken().getExpiresAt() != null) {
            Instant now = Instant.now(clock);
            Duration left = Duration.between(now, jwt.getToken().getExpiresAt());
            Instant signedInAt = signedInAt(jwt);
            boolean stillYoung = signedInAt != null && signedInAt.plus(LONGEST_SESSION).isAfter(now);
            // the page's own live stream re-reads views on its own: only what the user does keeps a session alive
            boolean userAction = !request.getRequestURI().startsWith("/live/");
            if (stillYoung && userAction && left.compareTo(signIn.tokenLifetime().dividedBy(2)) < 0) {
                signIn.renew(jwt.getToken().getSubject(), signedInAt).ifPresent(token ->
                        SessionCookie.write(request, response, token.value(), Duration.between(Instant.now(clock), token.expiresAt())));
            }
        }
        chain.doFilter(request, response);
    }

    private static Instant signedInAt(JwtAuthenticationToken jwt) {
        Object claim = jwt.getToken().getClaims().get(TokenIssuer.AUTH_TIME);
        if (claim instanceof Number) {
            return Instant.ofEpochSecond(((Number) claim).longValue());
        }
        return claim instanceof Instant ? (Instant) claim : null;
    }
}
