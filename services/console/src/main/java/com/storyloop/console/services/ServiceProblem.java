package com.storyloop.console.services;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service said no (a 4xx or 5xx with an RFC 9457 body) or could not be reached. Pages show {@link #detail()} in plain
 * language and each {@link #fieldErrors()} message next to its field; the services' wording is written for people.
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public static ServiceProblem unreachable(String service, Exception cause) {
        return new ServiceProblem(503, "Service unavailable",
                "The " + service + " is not answering right now. Nothing was changed; try again in a moment.", Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** field name (as the service names it, e.g. {@code title} or {@code principles[0]}) to message */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
