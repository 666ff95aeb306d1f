package com.storyloop.console.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;

import com.storyloop.console.signin.adapter.in.web.SessionRenewal;
import com.storyloop.console.signin.application.SignIn;
import com.storyloop.security.spring.StoryloopSecurityAutoConfiguration;
import com.storyloop.security.spring.StoryloopSecurityProperties;

/**
 * Two doors. {@code /api/**} is an API like every service's (bearer header, problem details). Everything else is the web
 * console: the token comes from the session cookie (handed on after the CSRF check, see {@link SessionCookieAsBearer}),
 * forms carry a CSRF token (a cookie is sent by the browser on its own, unlike a header), and a visitor without a valid
 * session is sent to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String[] OPEN_PAGES = {"/signin", "/index.html", "/favicon.ico", "/webjars/**", "/assets/**", "/error"};

    /** CSRF tokens in a cookie (no server-side session), shared with sign-in, which replaces the token. */
    @Bean
    CsrfTokenRepository csrfTokens() {
        return new CookieCsrfTokenRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleApi(HttpSecurity http, StoryloopSecurityProperties properties, JwtDecoder decoder) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**");
        return StoryloopSecurityAutoConfiguration.requireBearerTokens(http, properties, decoder).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consolePages(HttpSecurity http, JwtDecoder decoder, SignIn signIn, StoryloopSecurityProperties properties,
                                     CsrfTokenRepository csrfTokens) throws Exception {
        if (!properties.usesOidcIssuer()) {
            http.addFilterAfter(new SessionRenewal(signIn, properties.devIssuer(), Clock.systemUTC()), BearerTokenAuthenticationFilter.class);
        }
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // a stateless session is authenticated again on every request: rotating the CSRF token each time (Spring's
                // default on authentication) would make every open page's token stale at the page's next request; it is
                // renewed at sign-in instead (SignInPage)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_PAGES).permitAll().anyRequest().authenticated())
                .addFilterAfter(new SessionCookieAsBearer(), CsrfFilter.class)
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(SessionCookieAsBearer::resolve)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(StoryloopSecurityAutoConfiguration.rolesAsAuthorities()))
                        .authenticationEntryPoint(ConsoleSecurity::toSignIn))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ConsoleSecurity::toSignIn).accessDeniedHandler(ConsoleSecurity::refused));
        return http.build();
    }

    /**
     * A form whose CSRF token no longer matches (a page left open across a sign-in in another tab). An htmx request gets a
     * message in place, so the text being edited stays on the screen; a plain form gets the error page.
     */
    static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason) throws IOException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(403);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<p class=\"problem\" role=\"alert\">This page is out of date (it was opened before your latest "
                    + "sign-in), so nothing was saved. Copy your text, reload the page and try again: your text is still here until you do.</p>");
            return;
        }
        response.sendError(403, "This page is out of date: reload it and try again.");
    }

    /**
     * A page asks the visitor to sign in. An htmx request (a save, a preview) gets a message in place instead of a
     * redirect, so the text being edited stays on the screen.
     */
    static void toSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason) throws IOException {
        SessionCookie.clear(request, response);
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(401);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<p class=\"problem\" role=\"alert\">Your sign-in has ended, so nothing was saved. "
                    + "<a href=\"/signin\" target=\"_blank\" rel=\"noopener\">Sign in again in a new tab</a>, then come back and try once more: "
                    + "your text is still here.</p>");
            return;
        }
        String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect("/signin" + ("/".equals(next) ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }
}
