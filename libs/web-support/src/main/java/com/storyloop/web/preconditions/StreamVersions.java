package com.storyloop.web.preconditions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETag = stream version (architecture.md section 3). A resource's ETag is the quoted version of its event stream, and
 * a change must send it back in If-Match: that is the expected version of the append.
 */
public final class StreamVersions {

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private StreamVersions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The stream version an If-Match header names.
     *
     * @throws PreconditionRequired when the header is absent (428)
     * @throws PreconditionFailed when it names no version, e.g. {@code *}, a weak tag or a list (412: it cannot match)
     */
    public static long expectedVersion(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Changing " + what + " needs an If-Match header with the ETag you last read, e.g. If-Match: \"3\"");
        }
        Matcher tag = STRONG_VERSION_TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw new PreconditionFailed("If-Match " + ifMatch + " is not the ETag of " + what + ": send the one quoted version you last read, e.g. \"3\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
