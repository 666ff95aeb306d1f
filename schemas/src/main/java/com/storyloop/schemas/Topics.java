package com.storyloop.schemas;

import java.util.List;
import java.util.Map;

/**
 * The platform's topics, part of the public contract (docs/events.md). Retention is forever so any consumer can replay;
 * the key is clientId for client-scoped events (one client's history stays ordered in one partition) and providerId for
 * content.
 */
public final class Topics {

    public static final String STORY_EVENTS = "story.events";
    public static final String SCORING_EVENTS = "scoring.events";
    public static final String PRACTICE_EVENTS = "practice.events";
    public static final String CONTENT_EVENTS = "content.events";
    public static final String CONTENT_INBOUND = "content.inbound";

    public static final List<String> ALL = List.of(STORY_EVENTS, SCORING_EVENTS, PRACTICE_EVENTS, CONTENT_EVENTS, CONTENT_INBOUND);

    /** Partitions bound how many consumer instances share a topic; adding them later reshuffles keys, so start generous. */
    public static final int PARTITIONS = 6;

    public static final Map<String, String> CONFIG = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete");

    /** Dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }

    private Topics() {
    }
}
