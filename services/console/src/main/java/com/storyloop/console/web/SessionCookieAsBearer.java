package com.storyloop.console.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the session cookie's token to the resource server, and does so only after the CSRF check: this filter runs
 * after it and leaves the token in a request attribute, which is all {@link #resolve} reads. Why not a BearerTokenResolver
 * reading the cookie itself: Spring's resource server exempts from CSRF protection every request its resolver finds a
 * token in (right for headers, which browsers never send on their own), and a cookie is sent on its own, so such a
 * resolver would open every page form to cross-site posts. A bearer header opens no page either.
 */
final class SessionCookieAsBearer extends OncePerRequestFilter {

    private static final String TOKEN = SessionCookieAsBearer.class.getName() + ".token";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String token = SessionCookie.read(request);
        if (token != null) {
            request.setAttribute(TOKEN, token);
        }
        chain.doFilter(request, response);
    }

    /** The resource server's token: the session cookie's, once the CSRF check has passed. */
    static String resolve(HttpServletRequest request) {
        Object token = request.getAttribute(TOKEN);
        return token instanceof String ? (String) token : null;
    }
}
