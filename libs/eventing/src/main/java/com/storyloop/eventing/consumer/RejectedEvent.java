package com.storyloop.eventing.consumer;

/** An event the consumer refuses for good (invalid content, wrong tenant): dead-lettered with this reason, no retries. */
public final class RejectedEvent extends RuntimeException {

    private final String reason;

    public RejectedEvent(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short machine-readable code, e.g. ORG_MISMATCH or INVALID_PRINCIPLE. */
    public String reason() {
        return reason;
    }
}
