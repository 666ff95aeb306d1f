package com.storyloop.eventing.consumer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.storyloop.eventing.Backoff;
import com.storyloop.events.EventMetadata;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.EventDecodingException;
import com.storyloop.schemas.Topics;

/**
 * A consumer-group member that applies events to PostgreSQL views, one transaction per poll batch
 * (architecture.md section 4): the view rows, the inbox rows (event ids already applied) and the consumed positions
 * commit together, so a crash never leaves a batch half applied and redelivery never applies an event twice.
 * Positions live in PostgreSQL and are the truth: on partition assignment the consumer seeks to them (or to the start of
 * the topic for a new group). A record that cannot be decoded, or that fails after bounded retries, goes to the group's
 * dead-letter topic with the reason in its headers, and consumption continues.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    /**
     * @param group      the name the inbox and the stored positions are kept under
     * @param kafkaGroup the Kafka consumer group; the same as {@code group} except for a rebuild, which reads the same
     *                   topics beside the live group without taking its partitions
     */
    public record Settings(String group, List<String> topics, String bootstrapServers, int maxPollRecords, int maxAttempts,
                           Duration retryBackoff, String kafkaGroup, Map<String, String> clientSecurity) {

        public Settings {
            clientSecurity = Map.copyOf(clientSecurity);
        }

        public Settings(String group, List<String> topics, String bootstrapServers, int maxPollRecords, int maxAttempts, Duration retryBackoff) {
            this(group, topics, bootstrapServers, maxPollRecords, maxAttempts, retryBackoff, group, Map.of());
        }

        public static Settings of(String group, List<String> topics, String bootstrapServers) {
            return new Settings(group, topics, bootstrapServers, 1000, 3, Duration.ofMillis(200));
        }

        public Settings withKafkaGroup(String kafkaGroup) {
            return new Settings(group, topics, bootstrapServers, maxPollRecords, maxAttempts, retryBackoff, kafkaGroup, clientSecurity);
        }

        /** How the consumer authenticates ({@link com.storyloop.eventing.kafka.KafkaClientSecurity}). */
        public Settings withClientSecurity(Map<String, String> clientSecurity) {
            return new Settings(group, topics, bootstrapServers, maxPollRecords, maxAttempts, retryBackoff, kafkaGroup, clientSecurity);
        }
    }

    /**
     * Every batch takes this lock shared, keyed by schema and group, as its first statement; a projection switch takes it
     * exclusively to hold the group's batches while the rebuilt tables replace the live ones.
     */
    public static final String BATCH_LOCK_SQL = "select pg_advisory_xact_lock_shared(hashtext(current_schema() || ':' || ?))";

    private final Settings settings;
    private final DataSource dataSource;
    private final EventCodec codec;
    private final EventHandler handler;
    private final DeadLetters deadLetters;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    public EventConsumer(Settings settings, DataSource dataSource, EventCodec codec, EventHandler handler, DeadLetters deadLetters) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.codec = codec;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "event-consumer-" + settings.group());
        worker.setDaemon(true);
        worker.start();
    }

    private KafkaConsumer<String, byte[]> createConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.putAll(settings.clientSecurity());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.kafkaGroup());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a new group reads from the beginning: events are kept forever and views are folds over all of them
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.group() + "-" + UUID.randomUUID().toString().substring(0, 8));
        return new KafkaConsumer<>(p);
    }

    private void run() {
        Backoff backoff = new Backoff(settings.retryBackoff(), Duration.ofSeconds(10));
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = createConsumer()) {
                consumer = kafka;
                kafka.subscribe(settings.topics(), new SeekToStoredPositions(kafka));
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) {
                        process(records);
                        // for lag tooling only (PostgreSQL holds the truth), so a failed commit under load is not worth an ERROR line
                        kafka.commitAsync(nextOffsets(records), (offsets, failure) -> {
                            if (failure != null) {
                                log.debug("Consumer {} could not record its Kafka offsets (lag tooling only): {}", settings.group(), failure.toString());
                            }
                        });
                    }
                    for (TopicPartition partition : kafka.assignment()) {
                        kafka.currentLag(partition).ifPresent(l -> lag.put(partition, l));
                    }
                    backoff.reset();
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (RuntimeException e) {
                if (running) {
                    Duration delay = backoff.next();
                    log.warn("Consumer {} restarts after {} ms: {}", settings.group(), delay.toMillis(), e.toString());
                    pause(delay);
                }
            }
        }
    }

    /** Decodes, applies the batch in one transaction, and falls back to one event at a time when the batch fails. */
    void process(ConsumerRecords<String, byte[]> records) {
        List<Decoded> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                SpecificRecord event = codec.decode(record.value());
                batch.add(new Decoded(record, toConsumed(record, event)));
            } catch (EventDecodingException e) {
                deadLetter(record, e.reason().name(), e.getMessage());
                batch.add(new Decoded(record, null));
            } catch (RuntimeException e) {
                deadLetter(record, "UNDECODABLE", e.toString());
                batch.add(new Decoded(record, null));
            }
        }
        try {
            inTransaction(jdbc -> applyAll(batch, jdbc));
        } catch (Exception batchFailure) {
            if (InfrastructureFailures.isInfrastructure(batchFailure)) {
                throw new InfrastructureFailures.Unavailable(batchFailure);
            }
            log.info("Batch of {} failed ({}); applying one by one", batch.size(), batchFailure.toString());
            for (Decoded one : batch) {
                applyAlone(one);
            }
        }
    }

    private void applyAll(List<Decoded> batch, JdbcTemplate jdbc) throws Exception {
        jdbc.query(BATCH_LOCK_SQL, rs -> { }, settings.group());
        Set<UUID> fresh = claimInbox(batch, jdbc);
        List<ConsumedEvent> toApply = new ArrayList<>(fresh.size());
        for (Decoded decoded : batch) {
            if (decoded.event() == null) {
                continue;
            }
            if (fresh.remove(eventId(decoded.event()))) { // removed: a duplicate within the same batch applies once
                toApply.add(decoded.event());
            } else {
                duplicates.incrementAndGet();
            }
        }
        if (!toApply.isEmpty()) {
            refuseForeignStreams(toApply, jdbc);
            handler.applyBatch(toApply, jdbc);
            applied.addAndGet(toApply.size());
        }
        storePositions(batch.stream().map(Decoded::record).toList(), jdbc);
    }

    private void applyAlone(Decoded one) {
        if (one.event() == null) {
            storePositionQuietly(one);
            return;
        }
        Exception last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                inTransaction(jdbc -> applyAll(List.of(one), jdbc));
                return;
            } catch (RejectedEvent rejected) {
                deadLetter(one.record(), rejected.reason(), rejected.getMessage());
                storePositionQuietly(one);
                return;
            } catch (Exception e) {
                if (InfrastructureFailures.isInfrastructure(e)) {
                    throw new InfrastructureFailures.Unavailable(e);
                }
                last = e;
                if (attempt < settings.maxAttempts()) {
                    pause(settings.retryBackoff().multipliedBy(attempt));
                }
            }
        }
        deadLetter(one.record(), "HANDLER_FAILED", String.valueOf(last));
        storePositionQuietly(one);
    }

    private void storePositionQuietly(Decoded one) {
        try {
            inTransaction(jdbc -> storePositions(List.of(one.record()), jdbc));
        } catch (Exception e) {
            throw new InfrastructureFailures.Unavailable(e);
        }
    }

    /** Inserts the batch's event ids into the inbox in one statement; returns those not seen before. */
    private Set<UUID> claimInbox(List<Decoded> batch, JdbcTemplate jdbc) {
        List<UUID> ids = new ArrayList<>();
        for (Decoded decoded : batch) {
            if (decoded.event() != null) {
                ids.add(eventId(decoded.event()));
            }
        }
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> inserted = jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    insert into inbox (consumer_group, event_id)
                    select ?, id from unnest(?::uuid[]) as id
                    on conflict do nothing
                    returning event_id
                    """);
            ps.setString(1, settings.group());
            ps.setArray(2, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, (rs, i) -> rs.getObject(1, UUID.class));
        return new HashSet<>(inserted);
    }

    /**
     * A stream belongs to the organisation its first event named. An event naming another organisation for that stream
     * is refused (the batch then goes one event at a time, and this one to the dead-letter topic), without saying whose
     * the stream is.
     */
    private void refuseForeignStreams(List<ConsumedEvent> events, JdbcTemplate jdbc) {
        List<String> streams = new ArrayList<>(events.size());
        List<String> orgs = new ArrayList<>(events.size());
        for (ConsumedEvent event : events) {
            if (event.topic().equals(Topics.CONTENT_INBOUND) || event.topic().equals(Topics.CONTENT_EVENTS)) {
                continue; // a content pack is the provider's stream, published to several organisations; their allow-lists guard it
            }
            streams.add(event.metadata().getStreamId());
            orgs.add(event.metadata().getOrgId());
        }
        if (streams.isEmpty()) {
            return;
        }
        List<String> foreign = jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    with claimed as (select * from unnest(?::text[], ?::text[]) with ordinality as c(stream_id, org_id, n)),
                         owned as (insert into stream_owners (consumer_group, stream_id, org_id)
                                   select distinct on (stream_id) ?, stream_id, org_id from claimed order by stream_id, n
                                   on conflict do nothing returning stream_id, org_id),
                         owners as (select stream_id, org_id from owned
                                    union all select o.stream_id, o.org_id from stream_owners o join claimed c using (stream_id)
                                     where o.consumer_group = ?)
                    select distinct c.stream_id from claimed c join owners o using (stream_id) where o.org_id <> c.org_id
                    """);
            ps.setArray(1, con.createArrayOf("text", streams.toArray()));
            ps.setArray(2, con.createArrayOf("text", orgs.toArray()));
            ps.setString(3, settings.group());
            ps.setString(4, settings.group());
            return ps;
        }, (rs, i) -> rs.getString(1));
        if (!foreign.isEmpty()) {
            throw new RejectedEvent("ORG_MISMATCH", "stream " + foreign.get(0) + " belongs to another organisation");
        }
    }

    private void storePositions(List<ConsumerRecord<String, byte[]>> records, JdbcTemplate jdbc) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        List<Object[]> rows = new ArrayList<>();
        next.forEach((tp, offset) -> rows.add(new Object[] {settings.group(), tp.topic(), tp.partition(), offset}));
        jdbc.batchUpdate("""
                insert into consumer_positions (consumer_group, topic, partition, next_offset) values (?, ?, ?, ?)
                on conflict (consumer_group, topic, partition)
                do update set next_offset = greatest(consumer_positions.next_offset, excluded.next_offset), updated_at = now()
                """, rows);
    }

    private static UUID eventId(ConsumedEvent event) {
        return UUID.fromString(event.metadata().getEventId().toString());
    }

    private ConsumedEvent toConsumed(ConsumerRecord<String, byte[]> record, SpecificRecord event) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        EventMetadata metadata = EventCodec.metadataOf(event);
        return new ConsumedEvent(record.topic(), record.partition(), record.offset(), record.key(), EventCodec.typeName(event), event,
                metadata, headers);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String message) {
        deadLetters.send(record, reason, message);
        deadLettered.incrementAndGet();
        log.warn("Dead-lettered {}/{}@{}: {} {}", record.topic(), record.partition(), record.offset(), reason, message);
    }

    @FunctionalInterface
    private interface TransactionWork {
        void run(JdbcTemplate jdbc) throws Exception;
    }

    private void inTransaction(TransactionWork work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private final class SeekToStoredPositions implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        SeekToStoredPositions(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(lag::remove); // batches are applied synchronously in the poll thread: nothing is in flight
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> stored = storedPositions();
            List<TopicPartition> fromStart = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                Long position = stored.get(partition);
                if (position == null) {
                    fromStart.add(partition);
                } else {
                    kafka.seek(partition, position);
                }
            }
            if (!fromStart.isEmpty()) {
                kafka.seekToBeginning(fromStart);
            }
        }
    }

    /** The positions this group has applied, per partition, as committed with its views. */
    public Map<TopicPartition, Long> storedPositions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        new JdbcTemplate(dataSource).query("select topic, partition, next_offset from consumer_positions where consumer_group = ?",
                rs -> {
                    positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }, settings.group());
        return positions;
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, ConsumedEvent event) {
    }

    /** Records behind the end of each assigned partition, as last seen by the poll loop. */
    public long lag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isRunning() {
        return running;
    }

    public long applied() {
        return applied.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long duplicatesSkipped() {
        return duplicates.get();
    }

    public String group() {
        return settings.group();
    }

    private void pause(Duration duration) {
        if (!Backoff.pause(duration)) {
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
