package com.storyloop.story.bank.adapter.in.web;

/** A resource the caller asked for does not exist (or is not theirs to see). */
final class NotFound extends RuntimeException {

    NotFound(String what, String id) {
        super("No " + what + " " + id);
    }
}
