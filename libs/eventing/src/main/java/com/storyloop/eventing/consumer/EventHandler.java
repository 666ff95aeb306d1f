package com.storyloop.eventing.consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/** Applies one event to a service's views, inside the transaction of the poll batch it came in. */
@FunctionalInterface
public interface EventHandler {

    /**
     * @param jdbc bound to the batch's transaction: the view rows, the inbox rows and the consumed positions commit together
     * @throws RejectedEvent when the event is invalid and retrying cannot help (it goes straight to the dead-letter topic)
     * @throws Exception     anything else rolls the batch back; the event is then retried alone, then dead-lettered
     */
    void apply(ConsumedEvent event, JdbcTemplate jdbc) throws Exception;

    /**
     * Applies a batch's new events (duplicates already removed) in the order they were polled. Override to read and write
     * once per batch instead of once per event; a failure here makes the consumer retry the events one at a time.
     */
    default void applyBatch(java.util.List<ConsumedEvent> events, JdbcTemplate jdbc) throws Exception {
        for (ConsumedEvent event : events) {
            apply(event, jdbc);
        }
    }
}
