package com.storyloop.cli;

/** A problem the user can fix; printed without a stack trace, exit code 1. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
