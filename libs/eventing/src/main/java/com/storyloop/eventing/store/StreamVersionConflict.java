package com.storyloop.eventing.store;

/**
 * The stream moved on since the caller read it. Never retried silently: the user decided on stale state
 * (HTTP 412 with If-Match, 409 otherwise).
 */
public final class StreamVersionConflict extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public StreamVersionConflict(String streamId, long expectedVersion, long actualVersion) {
        super("Stream " + streamId + " is at version " + actualVersion + ", not the expected " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** -1 when the conflicting writer had not committed yet, so the new version was unknown. */
    public long actualVersion() {
        return actualVersion;
    }
}
