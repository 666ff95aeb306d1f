package com.storyloop.practice.loops.application;

/** Who asked and which request: becomes the events' actor and correlation id. */
public record EventContext(String actor, String correlationId) {
}
