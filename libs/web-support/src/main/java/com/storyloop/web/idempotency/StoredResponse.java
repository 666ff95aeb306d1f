package com.storyloop.web.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The first response to an Idempotency-Key: what a retry gets back, byte for byte. */
public record StoredResponse(String requestFingerprint, int status, List<Header> headers, byte[] body) {

    /** Headers that describe one connection or one moment, not the result: never replayed. */
    static final Set<String> NOT_REPLAYED = Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive",
            "set-cookie", "vary");

    public record Header(String name, String value) {
    }

    String headersAsText() {
        StringBuilder text = new StringBuilder();
        for (Header header : headers) {
            text.append(header.name()).append('\t').append(header.value()).append('\n');
        }
        return text.toString();
    }

    static List<Header> headersFromText(String text) {
        List<Header> headers = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                headers.add(new Header(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return headers;
    }

    static boolean replayable(String headerName) {
        return !NOT_REPLAYED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
