package com.storyloop.web.preconditions;

/** A change to an existing resource came without If-Match: answered 428, so nobody overwrites what they have not seen. */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired(String message) {
        super(message);
    }
}
