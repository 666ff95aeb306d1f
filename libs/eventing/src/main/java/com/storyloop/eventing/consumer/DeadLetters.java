package com.storyloop.eventing.consumer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Sends a record that cannot be applied to `<topic>.<group>.dlq`, unchanged, with headers saying why and from where. */
public final class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String MESSAGE = "dlq-message";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String CONSUMER_GROUP = "dlq-consumer-group";
    /** Set when a projection rebuild (not the live consumer) dead-lettered the record: the live one already sent it once. */
    public static final String REBUILD = "dlq-rebuild-started-at";

    private final Producer<String, byte[]> producer;
    private final String group;
    private final String rebuildStartedAt;

    public DeadLetters(Producer<String, byte[]> producer, String group) {
        this(producer, group, null);
    }

    private DeadLetters(Producer<String, byte[]> producer, String group, String rebuildStartedAt) {
        this.producer = producer;
        this.group = group;
        this.rebuildStartedAt = rebuildStartedAt;
    }

    /** The same dead-letter topic, each record marked as sent again by the rebuild that started at that instant. */
    public DeadLetters forRebuild(java.time.Instant startedAt) {
        return new DeadLetters(producer, group, startedAt.toString());
    }

    public static String topicFor(String topic, String group) {
        return com.storyloop.schemas.Topics.deadLetter(topic, group);
    }

    /** Blocks until the dead-letter topic has the record: the consumer moves past it only then. */
    public void send(ConsumerRecord<String, byte[]> record, String reason, String message) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(REASON, utf8(reason));
        headers.add(MESSAGE, utf8(message == null ? "" : truncate(message)));
        headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
        headers.add(CONSUMER_GROUP, utf8(group));
        if (rebuildStartedAt != null) {
            headers.add(REBUILD, utf8(rebuildStartedAt));
        }
        try {
            producer.send(new ProducerRecord<>(topicFor(record.topic(), group), null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot dead-letter " + record.topic() + "/" + record.partition() + "@" + record.offset(), e);
        }
    }

    private static String truncate(String message) {
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
