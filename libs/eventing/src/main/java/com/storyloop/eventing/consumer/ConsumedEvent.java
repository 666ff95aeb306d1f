package com.storyloop.eventing.consumer;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import com.storyloop.events.EventMetadata;

/** One decoded event and where it came from. */
public record ConsumedEvent(String topic, int partition, long offset, String key, String type, SpecificRecord event,
                            EventMetadata metadata, Map<String, String> headers) {

    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> T as(Class<T> type) {
        return (T) event;
    }
}
