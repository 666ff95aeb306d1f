package com.storyloop.eventing.store;

import java.util.Objects;
import java.util.UUID;

/** An event about to be appended: already encoded, with the routing facts the relay needs. */
public record NewEvent(UUID eventId, String type, String partitionKey, String orgId, byte[] payload) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(payload, "payload");
    }
}
