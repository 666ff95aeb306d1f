package com.storyloop.web.problems;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with a request, named by the field at fault (JSON path such as {@code principles[2]}, or a header
 * name), and, for documents such as an import, the line it is on.
 */
public record FieldProblem(String field, String message, Integer line) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }

    /** The entry of a problem detail's {@code errors} list. */
    public Map<String, Object> toMap() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("message", message);
        if (line != null) {
            entry.put("line", line);
        }
        return entry;
    }
}
