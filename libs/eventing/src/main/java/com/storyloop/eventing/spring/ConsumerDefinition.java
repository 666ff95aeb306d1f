package com.storyloop.eventing.spring;

import java.util.List;

import com.storyloop.eventing.consumer.EventHandler;

/** Declare one as a bean and the platform runs a batched, idempotent consumer group for it. */
public record ConsumerDefinition(String group, List<String> topics, EventHandler handler) {
}
