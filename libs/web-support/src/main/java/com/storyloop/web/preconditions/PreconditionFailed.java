package com.storyloop.web.preconditions;

/** If-Match names no version the resource has now: answered 412. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
