package com.storyloop.web.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.storyloop.web.limits.BufferedBodyRequest;
import com.storyloop.web.problems.ServletProblems;

/**
 * Idempotency-Key on POSTs (architecture.md section 3): a retried request gets the first response back and appends
 * nothing.
 *
 * <p>The whole request runs in one transaction that the command's handler joins: lock the key, look for a first response,
 * run the request, and when it succeeded (2xx) store key, request fingerprint and response after the command's append,
 * then commit and only then send the response. Events and record therefore commit together or not at all. Failed
 * requests (4xx/5xx) are not stored: they appended nothing, and the client may fix and retry with the same key. The same
 * key with a different request is refused with 422.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final int maxBodyBytes;

    public IdempotencyFilter(IdempotencyRecords records, TransactionTemplate transactions, int maxBodyBytes) {
        this.records = records;
        this.transactions = transactions;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            writeProblem(response, 400, "Invalid request", HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters (a UUID is a good choice)");
            return;
        }
        byte[] body = readBounded(request.getInputStream());
        if (body == null) {
            writeProblem(response, 413, "Request too large", "The body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        String fingerprint = fingerprint(request, body);
        // a key is the caller's own: another user's retry with the same key must not get this user's response back
        String callersKey = (request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName()) + " " + key;
        HttpServletRequest replayableRequest = new BufferedBodyRequest(request, body);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);

        Optional<StoredResponse> first;
        try {
            first = transactions.execute(tx -> {
                records.lock(callersKey);
                Optional<StoredResponse> stored = records.find(callersKey);
                if (stored.isPresent()) {
                    tx.setRollbackOnly();
                    return stored;
                }
                try {
                    chain.doFilter(replayableRequest, captured);
                } catch (IOException | ServletException e) {
                    throw new ChainFailure(e);
                }
                if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                    records.save(callersKey, capture(captured, fingerprint));
                } else {
                    tx.setRollbackOnly();
                }
                return Optional.empty();
            });
        } catch (ChainFailure e) {
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw (IOException) e.getCause();
        }
        if (first == null || first.isEmpty()) {
            captured.copyBodyToResponse();
        } else if (first.get().requestFingerprint().equals(fingerprint)) {
            replay(first.get(), response);
        } else {
            writeProblem(response, 422, "Idempotency-Key reused", "The " + HEADER + " " + key
                    + " was already used for a different request; use a new key for a new request");
        }
    }

    private static StoredResponse capture(ContentCachingResponseWrapper response, String fingerprint) {
        List<StoredResponse.Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (StoredResponse.replayable(name) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new StoredResponse.Header(name, value));
                }
            }
        }
        if (response.getContentType() != null) {
            headers.add(new StoredResponse.Header(HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        return new StoredResponse(fingerprint, response.getStatus(), headers, response.getContentAsByteArray());
    }

    private static void replay(StoredResponse first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        for (StoredResponse.Header header : first.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(first.body().length);
        response.getOutputStream().write(first.body());
    }

    /** What makes two requests "the same": method, path and query, content type, If-Match and the exact body bytes. */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + "\n" + request.getRequestURI() + "?" + nullToEmpty(request.getQueryString()) + "\n"
                    + nullToEmpty(request.getContentType()) + "\n" + nullToEmpty(request.getHeader(HttpHeaders.IF_MATCH)) + "\n";
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBodyBytes + 1);
        return bytes.length > maxBodyBytes ? null : bytes;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void writeProblem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        ServletProblems.write(response, status, title, detail, status == 400 ? HEADER : null);
    }

    /** Carries the chain's checked exceptions out of the transaction callback, after the rollback. */
    private static final class ChainFailure extends RuntimeException {
        ChainFailure(Exception cause) {
            super(cause);
        }
    }
}
