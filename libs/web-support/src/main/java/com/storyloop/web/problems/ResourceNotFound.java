package com.storyloop.web.problems;

/** The resource asked for does not exist (or is not the caller's to see: they get the same 404, never a 403). */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String what, String id) {
        super("No " + what + " " + id);
    }
}
