package com.storyloop.schemas;

/**
 * An event's bytes could not be turned into an event. Unchecked: a consumer catches it, sends the
 * record to its dead-letter topic with {@link #reason()} and {@link #getMessage()} as headers, and
 * moves on.
 */
public final class EventDecodingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why decoding failed; stable names, suitable for a DLQ header. */
  public enum Reason {
    /** The bytes are not Avro single-object encoding (too short, or no {@code C3 01} marker). */
    NOT_SINGLE_OBJECT,
    /** The writer-schema fingerprint is not in the catalog: the event was written with a schema version this reader does not know. */
    UNKNOWN_FINGERPRINT,
    /** The header is fine but the body does not match the writer schema (truncated, corrupted, trailing bytes). */
    CORRUPT_BODY,
    /** The writer schema is known but this reader has no event type it can read it as. */
    UNKNOWN_EVENT_TYPE
  }

  private final Reason reason;

  public EventDecodingException(Reason reason, String message) {
    this(reason, message, null);
  }

  public EventDecodingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
