package com.storyloop.eventing.spring;

import java.util.List;

import com.storyloop.eventing.consumer.EventHandler;

/**
 * Declare one as a bean and the platform runs a batched, idempotent consumer group for it.
 *
 * @param tables the view tables this group alone writes; naming them makes the projection rebuildable
 *               ({@code POST /api/admin/projections/{group}/rebuild})
 */
public record ConsumerDefinition(String group, List<String> topics, EventHandler handler, List<String> tables) {

    public ConsumerDefinition {
        topics = List.copyOf(topics);
        tables = List.copyOf(tables);
    }

    public ConsumerDefinition(String group, List<String> topics, EventHandler handler) {
        this(group, topics, handler, List.of());
    }
}
