package com.storyloop.web.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import static com.storyloop.security.spring.ProblemResponses.json;

/**
 * An RFC 9457 problem detail written by a servlet filter, before any controller (and so any exception handler) runs:
 * the same shape as {@link Problems}, naming the field (a header, the body) when there is one.
 */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, String field) throws IOException {
        String errors = field == null ? "" : ",\"errors\":[{\"field\":" + json(field) + ",\"message\":" + json(detail) + "}]";
        byte[] body = ("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status + ",\"detail\":" + json(detail) + errors + "}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
