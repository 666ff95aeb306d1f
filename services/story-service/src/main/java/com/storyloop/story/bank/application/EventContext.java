package com.storyloop.story.bank.application;

/** Who asked and which request: becomes the events' actor and correlation id. */
public record EventContext(String actor, String correlationId) {
}
