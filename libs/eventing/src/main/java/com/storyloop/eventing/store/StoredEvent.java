package com.storyloop.eventing.store;

import java.time.Instant;
import java.util.UUID;

/** An event as recorded: its global position, stream version and the transaction that wrote it. */
public record StoredEvent(long position, String transactionId, UUID eventId, String streamId, long streamVersion, String type,
                          String partitionKey, String orgId, byte[] payload, Instant recordedAt) {
}
