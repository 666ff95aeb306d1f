package com.storyloop.security.spring;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, like every other error of the platform. The bearer-token handlers of Spring
 * Security still set the status and the RFC 6750 {@code WWW-Authenticate} header (which names the token error for
 * clients); the body only says what the caller can do, never why a particular token was refused in detail.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(response, request, "Authentication required", detail(request));
        };
    }

    static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) -> {
            bearer.handle(request, response, exception);
            write(response, request, "Not allowed", "Your roles do not allow this request");
        };
    }

    private static String detail(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null || authorization.isBlank()
                ? "Send a bearer token: Authorization: Bearer <token> (locally: ./storyloop token --user EMAIL)"
                : "The bearer token is expired, malformed, or not issued for Storyloop by a trusted issuer; sign in again";
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, String title, String detail) throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + response.getStatus()
                + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    /** A JSON string literal: the quoting of every problem body written by hand, before any controller runs. */
    public static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
