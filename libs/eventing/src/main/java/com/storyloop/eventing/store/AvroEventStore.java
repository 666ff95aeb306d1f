package com.storyloop.eventing.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import com.storyloop.events.EventMetadata;
import com.storyloop.schemas.EventCodec;

/** The event store in terms of the catalog's Avro records: encodes on append, decodes on read. */
public final class AvroEventStore {

    private final EventStore store;
    private final EventCodec codec;

    public AvroEventStore(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Appends events keyed by their metadata's clientId (one client's history stays ordered in one partition). */
    public long append(String streamId, long expectedVersion, List<? extends SpecificRecord> events) {
        List<NewEvent> encoded = new ArrayList<>(events.size());
        for (SpecificRecord event : events) {
            EventMetadata metadata = EventCodec.metadataOf(event);
            encoded.add(new NewEvent(UUID.fromString(metadata.getEventId().toString()), EventCodec.typeName(event),
                    metadata.getClientId().toString(), metadata.getOrgId().toString(), codec.encode(event)));
        }
        return store.append(streamId, expectedVersion, encoded);
    }

    public List<SpecificRecord> load(String streamId) {
        List<SpecificRecord> events = new ArrayList<>();
        for (StoredEvent stored : store.readStream(streamId)) {
            events.add(codec.decode(stored.payload()));
        }
        return events;
    }

    public EventStore raw() {
        return store;
    }

    public EventCodec codec() {
        return codec;
    }
}
