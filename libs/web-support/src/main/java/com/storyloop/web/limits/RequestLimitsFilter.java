package com.storyloop.web.limits;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.storyloop.web.problems.ServletProblems;

/**
 * Limits every service applies to its API (issue 7), after authentication so a write is counted against the user who
 * made it:
 * <ul>
 * <li>A body larger than {@code maxBodyBytes} answers 413 before anything reads it into a command. A body sent without a
 *     length is read up to the limit and no further.</li>
 * <li>Each signed-in user gets {@code writes} writes (POST, PUT, PATCH, DELETE) a minute, in bursts up to that; beyond, 429
 *     with {@code Retry-After}. Requests without a user (signing in) are counted per client address by {@code anonymousWrites},
 *     which is what slows down password guessing.</li>
 * </ul>
 */
public final class RequestLimitsFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final long maxBodyBytes;
    private final WriteRateLimiter writes;
    private final WriteRateLimiter anonymousWrites;

    public RequestLimitsFilter(long maxBodyBytes, WriteRateLimiter writes, WriteRateLimiter anonymousWrites) {
        this.maxBodyBytes = maxBodyBytes;
        this.writes = writes;
        this.anonymousWrites = anonymousWrites;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!WRITES.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        WriteRateLimiter.Decision decision = request.getUserPrincipal() != null
                ? writes.tryWrite("user " + request.getUserPrincipal().getName())
                : anonymousWrites.tryWrite("address " + request.getRemoteAddr());
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            ServletProblems.write(response, 429, "Too many requests", "Too many writes in the last minute; try again in " + seconds + " s", null);
            return;
        }
        HttpServletRequest bounded = request;
        if (request.getContentLengthLong() < 0) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                tooLarge(response);
                return;
            }
            bounded = new BufferedBodyRequest(request, body);
        }
        chain.doFilter(bounded, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ServletProblems.write(response, 413, "Request too large", "The body exceeds " + maxBodyBytes + " bytes", "body");
    }
}
