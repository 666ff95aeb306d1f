package com.storyloop.coverage.views;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How every coverage view answers: JSON, or CSV when the caller asks for {@code text/csv}, always saying how far behind
 * the event log the projections it reads are ({@code X-Consumer-Lag}), so a client can tell fresh from stale.
 */
public final class ViewAnswers {

    public static final MediaType CSV = MediaType.parseMediaType("text/csv");
    public static final String LAG_HEADER = "X-Consumer-Lag";

    private ViewAnswers() {
    }

    public static boolean wantsCsv(String accept) {
        return accept != null && accept.contains("text/csv");
    }

    public static ResponseEntity<Object> json(Object body, long lag) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(LAG_HEADER, Long.toString(lag)).body(body);
    }

    public static ResponseEntity<Object> csv(String body, long lag) {
        return ResponseEntity.ok().contentType(CSV).header(LAG_HEADER, Long.toString(lag)).body(body);
    }

    /** One CSV field: empty for null, quoted when it holds a comma or a quote. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
