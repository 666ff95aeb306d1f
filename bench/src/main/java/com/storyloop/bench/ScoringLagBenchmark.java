package com.storyloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.storyloop.eventing.kafka.TopicProvisioner;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.runtime.LocalKafka;
import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.Ports;
import com.storyloop.runtime.RepositoryLayout;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;

/**
 * Revision-to-score lag ({@code ./storyloop bench scoring}): StoryRevised events (~400-word STAR texts) produced to
 * story.events at a paced 200 per second, with PostgreSQL, Kafka and scoring-service (a child JVM from its built jar) on
 * this machine. Lag = the broker's append time of the RevisionScored the service's relay publishes minus the broker's
 * append time of the StoryRevised it scores: both topics are created with {@code message.timestamp.type=LogAppendTime},
 * so both figures come from one clock, the broker's. Raw ceilings in the same run:
 *
 * <ul>
 *   <li>a bare Kafka hop at the same rate and the same record size: a consumer that forwards every record to another topic
 *       with the relay's producer settings (acks=all, idempotence), measured the same way: the floor of any
 *       consume-then-publish service on this broker;</li>
 *   <li>throughput: a burst of revisions produced at once, scored end to end, next to the engine alone on one thread in
 *       this JVM.</li>
 * </ul>
 */
public final class ScoringLagBenchmark {

    static final int RATE = 200;
    static final int STORIES = 40;
    static final String RAW_IN = "bench.raw.in";
    static final String RAW_OUT = "bench.raw.out";

    private final String bootstrap;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    /** eventId of a StoryRevised -> broker append time; and of the RevisionScored it caused -> append time. */
    private final Map<String, Long> produced = new ConcurrentHashMap<>();
    private final Map<String, Long> scored = new ConcurrentHashMap<>();
    /** StoryRevised eventId -> the eventId of the RevisionScored it caused. */
    private final Map<String, String> scorecardIds = new ConcurrentHashMap<>();
    private final List<Story> stories = new ArrayList<>();
    /** How the service batched the whole run, from the event store. */
    private String batches = "";

    /** One client's bank and one story in it, revised again and again. */
    static final class Story {
        final String orgId = "bench-org";
        final String clientId;
        final String bankId;
        final String storyId;
        int revision;
        long version;

        Story(int n) {
            String id = n + "-" + UUID.randomUUID().toString().substring(0, 8);
            clientId = "client-" + id;
            bankId = "bank-" + id;
            storyId = "story-" + id;
        }
    }

    ScoringLagBenchmark(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.seconds", "30")));
        RepositoryLayout layout = RepositoryLayout.locate();
        Path jar = layout.serviceJar("scoring-service");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./storyloop build");
        }
        Path work = Files.createTempDirectory("storyloop-bench-scoring-");
        work.toFile().setExecutable(true, false);
        work.toFile().setReadable(true, false);
        System.out.println("Starting PostgreSQL, Kafka and scoring-service in " + work + " ...");
        LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.Settings(work.resolve("pg"), Ports.free(), true), work.resolve("pg.log"), false);
        LocalKafka kafka = LocalKafka.start(new LocalKafka.Settings(work.resolve("kafka"), Ports.free(), Ports.free(), "1g", true, "WARN"),
                layout, false, work.resolve("kafka.log"));
        Process service = null;
        ScoringLagBenchmark bench = null;
        try {
            postgres.ensureDatabase("bench");
            createTopics(kafka.bootstrapServers());
            int port = Ports.free();
            service = StoryWriteBenchmark.startService(jar, postgres, kafka, port, work.resolve("scoring-service.log"));
            awaitHealthy(service, "http://127.0.0.1:" + port, Duration.ofMinutes(3));
            bench = new ScoringLagBenchmark(kafka.bootstrapServers());
            String loadBefore = StoryWriteBenchmark.loadAverage();
            Result result = bench.run(window, postgres.jdbcUrl("bench"));
            Histogram raw = bench.rawHop(window);
            double engineAlone = engineAlone(Duration.ofSeconds(10));
            System.out.printf(Locale.ROOT, "raw hop at %d/s: p50 %d ms, p99 %d ms; engine alone %,.0f stories/s%n", RATE,
                    raw.getValueAtPercentile(50), raw.getValueAtPercentile(99), engineAlone);
            report(window, result, raw, engineAlone, loadBefore, StoryWriteBenchmark.loadAverage());
        } finally {
            if (bench != null) {
                bench.producer.close();
            }
            if (service != null) {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            kafka.close();
            postgres.close();
        }
    }

    /**
     * @param waiting   StoryRevised appended -> the scoring transaction that handled it began (events.recorded_at is now() of
     *                  the transaction): the consumer's poll and the batches ahead of it
     * @param handling  that transaction began -> RevisionScored appended on scoring.events: the rest of the batch, the
     *                  commit, the relay's poll and its publish
     */
    record Result(Histogram paced, long pacedCount, long burstCount, double burstPerSecond, Histogram burst, Histogram waiting,
                  Histogram handling, String batches) {
    }

    Result run(Duration window, String jdbcUrl) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread tracker = new Thread(() -> track(stop), "scored-tracker");
        tracker.setDaemon(true);
        tracker.start();
        try {
            System.out.println("Opening " + STORIES + " banks and drafting a story in each ...");
            List<String> drafts = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                Story story = new Story(i);
                stories.add(story);
                send(story, bankOpened(story));
                StoryDrafted drafted = drafted(story);
                drafts.add(drafted.getMetadata().getEventId().toString());
                send(story, drafted);
            }
            producer.flush();
            awaitScored(drafts, Duration.ofMinutes(2));

            System.out.println("Warming up at " + RATE + " revisions/s for 15 s ...");
            awaitScored(paced(Duration.ofSeconds(15)), Duration.ofMinutes(2));

            System.out.println("Paced: " + RATE + " revisions/s for " + window.toSeconds() + " s ...");
            List<String> pacedIds = paced(window);
            awaitScored(pacedIds, Duration.ofMinutes(3));
            Histogram paced = lags(pacedIds);
            Histogram[] split = split(pacedIds, jdbcUrl);
            System.out.printf(Locale.ROOT, "paced at %d/s: p50 %d ms, p99 %d ms, max %d ms over %d revisions%n", RATE,
                    paced.getValueAtPercentile(50), paced.getValueAtPercentile(99), paced.getMaxValue(), paced.getTotalCount());

            int burstSize = (int) (RATE * window.toSeconds());
            System.out.println("Burst: " + burstSize + " revisions at once ...");
            List<String> burstIds = new ArrayList<>();
            for (int i = 0; i < burstSize; i++) {
                Story story = stories.get(i % stories.size());
                burstIds.add(send(story, revised(story)));
            }
            producer.flush();
            awaitScored(burstIds, Duration.ofMinutes(10));
            long first = burstIds.stream().mapToLong(produced::get).min().orElseThrow();
            long last = burstIds.stream().mapToLong(scored::get).max().orElseThrow();
            double perSecond = burstSize * 1000.0 / Math.max(1, last - first);
            System.out.printf(Locale.ROOT, "burst: %,.0f revisions/s scored end to end%n", perSecond);
            Histogram[] all = split(burstIds, jdbcUrl); // re-reads the batching, now over the whole run
            return new Result(paced, paced.getTotalCount(), burstSize, perSecond, lags(burstIds), split[0], split[1], all.length > 0 ? batches : "");
        } finally {
            stop.set(true);
            tracker.join(10_000);
        }
    }

    /** Sends revisions at a fixed rate whatever happens downstream (open loop); returns their event ids. */
    List<String> paced(Duration window) {
        long interval = 1_000_000_000L / RATE;
        long total = window.toSeconds() * RATE;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Story story = stories.get((int) (i % stories.size()));
            ids.add(send(story, revised(story)));
        }
        producer.flush();
        return ids;
    }

    String send(Story story, org.apache.avro.specific.SpecificRecord event) {
        String eventId = EventCodec.metadataOf(event).getEventId().toString();
        producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, story.clientId, codec.encode(event)), (metadata, error) -> {
            if (error != null) {
                System.err.println("send failed: " + error);
            } else {
                produced.put(eventId, metadata.timestamp()); // LogAppendTime: the broker's clock
            }
        });
        return eventId;
    }

    /** Reads scoring.events and notes, per StoryRevised eventId, the broker append time of the RevisionScored it caused. */
    void track(AtomicBoolean stop) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-scored-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(Topics.SCORING_EVENTS));
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    org.apache.avro.specific.SpecificRecord decoded = codec.decode(record.value());
                    if (decoded instanceof RevisionScored) {
                        RevisionScored event = (RevisionScored) decoded;
                        scorecardIds.put(event.getMetadata().getCausationId(), event.getMetadata().getEventId().toString());
                        scored.put(event.getMetadata().getCausationId(), record.timestamp());
                    }
                }
            }
        }
    }

    void awaitScored(List<String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ids.stream().allMatch(id -> scored.containsKey(id) && produced.containsKey(id))) {
            if (System.nanoTime() > deadline) {
                long missing = ids.stream().filter(id -> !scored.containsKey(id)).count();
                throw new IllegalStateException(missing + " of " + ids.size() + " revisions were not scored within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** Splits each paced lag at the moment the scoring transaction began (the event store's recorded_at, same host clock). */
    Histogram[] split(List<String> ids, String jdbcUrl) throws Exception {
        Map<String, Long> began = new HashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, LocalPostgres.SUPERUSER, "");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select event_id::text, (extract(epoch from recorded_at) * 1000)::bigint from scoring.events "
                     + "where event_type = 'RevisionScored'")) {
            while (rs.next()) {
                began.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, LocalPostgres.SUPERUSER, "");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("""
                     select count(*), avg(n), percentile_cont(0.5) within group (order by n), max(n),
                            percentile_cont(0.5) within group (order by gap), percentile_cont(0.99) within group (order by gap)
                     from (select n, extract(epoch from started - lag(started) over (order by started)) * 1000 as gap
                           from (select transaction_id, count(*) as n, min(recorded_at) as started from scoring.events
                                 where event_type = 'RevisionScored' group by transaction_id) b) g
                     """)) {
            rs.next();
            batches = String.format(Locale.ROOT, "%d scoring transactions, %.1f revisions each on average (median %.0f, max %d); "
                    + "median %.0f ms between the starts of consecutive ones (p99 %.0f ms)", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                    rs.getLong(4), rs.getDouble(5), rs.getDouble(6));
            System.out.println(batches);
        }
        Histogram waiting = new Histogram(3);
        Histogram handling = new Histogram(3);
        for (String id : ids) {
            Long start = began.get(scorecardIds.get(id));
            if (start != null) {
                waiting.recordValue(Math.max(0, start - produced.get(id)));
                handling.recordValue(Math.max(0, scored.get(id) - start));
            }
        }
        return new Histogram[] {waiting, handling};
    }

    Histogram lags(List<String> ids) {
        Histogram histogram = new Histogram(3);
        for (String id : ids) {
            histogram.recordValue(Math.max(0, scored.get(id) - produced.get(id)));
        }
        return histogram;
    }

    /**
     * The floor: the same rate and record size through a bare consumer that forwards each record to another topic with the
     * relay's producer settings, no database and no engine, measured with the same broker timestamps.
     */
    Histogram rawHop(Duration window) throws Exception {
        System.out.println("Raw Kafka hop at " + RATE + "/s for " + window.toSeconds() + " s ...");
        Map<String, Long> in = new ConcurrentHashMap<>();
        Map<String, Long> out = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Object> forwarding = new HashMap<>(TopicProvisioner.producerDefaults(bootstrap));
        Thread forwarder = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer("bench-raw-forwarder");
                 KafkaProducer<String, byte[]> relay = new KafkaProducer<>(forwarding)) {
                consumer.subscribe(List.of(RAW_IN));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        relay.send(new ProducerRecord<>(RAW_OUT, record.key(), record.value()));
                    }
                    relay.flush();
                }
            }
        }, "raw-forwarder");
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer("bench-raw-reader-" + UUID.randomUUID())) {
                consumer.subscribe(List.of(RAW_OUT));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        out.put(new String(record.value(), 0, 36, java.nio.charset.StandardCharsets.US_ASCII), record.timestamp());
                    }
                }
            }
        }, "raw-reader");
        forwarder.start();
        reader.start();
        try {
            byte[] padding = codec.encode(revised(stories.get(0)));
            long interval = 1_000_000_000L / RATE;
            long total = window.toSeconds() * RATE;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            List<String> ids = new ArrayList<>();
            for (long i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String id = UUID.randomUUID().toString();
                byte[] value = padding.clone();
                System.arraycopy(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, value, 0, 36);
                ids.add(id);
                producer.send(new ProducerRecord<>(RAW_IN, stories.get((int) (i % stories.size())).clientId, value), (metadata, error) -> {
                    if (error == null) {
                        in.put(id, metadata.timestamp());
                    }
                });
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!ids.stream().allMatch(id -> in.containsKey(id) && out.containsKey(id)) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            Histogram histogram = new Histogram(3);
            for (String id : ids) {
                if (in.containsKey(id) && out.containsKey(id)) {
                    histogram.recordValue(Math.max(0, out.get(id) - in.get(id)));
                }
            }
            return histogram;
        } finally {
            stop.set(true);
            forwarder.join(10_000);
            reader.join(10_000);
        }
    }

    /** The engine alone on one thread in this JVM: the most a single scoring thread could do. */
    static double engineAlone(Duration duration) {
        RubricEngine engine = RubricEngine.standard();
        StoryInput input = StoryInput.star(EngineBenchmark.SITUATION, EngineBenchmark.TASK, EngineBenchmark.ACTION, EngineBenchmark.RESULT)
                .withClaimedPrinciples(EngineBenchmark.CLAIMED);
        for (int i = 0; i < 5_000; i++) {
            engine.score(input);
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            engine.score(input);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    KafkaConsumer<String, byte[]> consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    static void createTopics(String bootstrap) throws Exception {
        Map<String, String> config = new HashMap<>(Topics.CONFIG);
        config.put("message.timestamp.type", "LogAppendTime");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS, RAW_IN, RAW_OUT)) {
                topics.add(new NewTopic(topic, Topics.PARTITIONS, (short) 1).configs(config));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    static void awaitHealthy(Process service, String base, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("scoring-service exited with " + service.exitValue() + "; see its log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IllegalStateException("scoring-service did not become healthy within " + timeout);
    }

    EventMetadata metadata(Story story, String streamId, long version) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(story.orgId).setClientId(story.clientId).setStreamId(streamId)
                .setStreamVersion(version).setOccurredAt(Instant.now()).setCorrelationId(UUID.randomUUID().toString()).setCausationId(null)
                .setActor("bench").build();
    }

    StoryBankOpened bankOpened(Story story) {
        return StoryBankOpened.newBuilder().setMetadata(metadata(story, story.bankId, 1)).setBankId(story.bankId).setCoachId(null)
                .setTargetRole("Senior PM").setTargetLevel(Level.L6).setInterviewDate(null).build();
    }

    StoryDrafted drafted(Story story) {
        story.revision = 1;
        return StoryDrafted.newBuilder().setMetadata(metadata(story, story.storyId, ++story.version)).setBankId(story.bankId)
                .setStoryId(story.storyId).setRevision(1).setTitle("Seller payouts").setSituation(EngineBenchmark.SITUATION)
                .setTask(EngineBenchmark.TASK).setAction(EngineBenchmark.ACTION).setResult(EngineBenchmark.RESULT).setText(null)
                .setPrinciples(List.of(PrincipleCode.CUSTOMER_OBSESSION, PrincipleCode.DIVE_DEEP)).setProjectTag(null).build();
    }

    /** The ~400-word STAR story again, with its revision number in the Result so every text is new. */
    StoryRevised revised(Story story) {
        int revision = ++story.revision;
        return StoryRevised.newBuilder().setMetadata(metadata(story, story.storyId, ++story.version)).setBankId(story.bankId)
                .setStoryId(story.storyId).setRevision(revision).setTitle("Seller payouts").setSituation(EngineBenchmark.SITUATION)
                .setTask(EngineBenchmark.TASK).setAction(EngineBenchmark.ACTION)
                .setResult(EngineBenchmark.RESULT + " (Revision " + revision + ".)").setText(null)
                .setPrinciples(List.of(PrincipleCode.CUSTOMER_OBSESSION, PrincipleCode.DIVE_DEEP)).setProjectTag(null).setNote(null).build();
    }

    static void report(Duration window, Result result, Histogram raw, double engineAlone, String loadBefore, String loadAfter)
            throws IOException {
        Histogram paced = result.paced();
        StringBuilder md = new StringBuilder();
        md.append("## Scoring: revision-to-score lag\n\n");
        md.append("Command: `./storyloop bench scoring` (").append(window.toSeconds()).append(" s paced after a 15 s warm-up). Measured ")
                .append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared by PostgreSQL (fsync on), Kafka (flush per message), scoring-service (`")
                .append(String.join(" ", StoryWriteBenchmark.SERVICE_JVM_FLAGS)).append("`) and the load generator. Each StoryRevised ")
                .append("carries a ~400-word STAR text; ").append(STORIES).append(" clients revise one story each, keyed by client. ")
                .append("Lag = broker append time of the RevisionScored minus broker append time of the StoryRevised it scores ")
                .append("(both topics use `LogAppendTime`, so one clock): the consumer's poll, the engine, the batch transaction ")
                .append("(copy, event store, scorecard row, inbox, positions), the relay and its acks=all publish.\n\n");
        md.append("| measured | result | raw ceiling in the same run | ceiling | target |\n|---|---:|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| lag p50 at %d revisions/s (paced, open loop, %d revisions) | %d ms | bare Kafka hop (consume, "
                + "publish with acks=all) at the same rate | %d ms | |%n", RATE, result.pacedCount(), paced.getValueAtPercentile(50),
                raw.getValueAtPercentile(50)));
        md.append(String.format(Locale.ROOT, "| lag p99 at %d revisions/s | %d ms | bare Kafka hop p99 | %d ms | < 500 ms |%n", RATE,
                paced.getValueAtPercentile(99), raw.getValueAtPercentile(99)));
        md.append(String.format(Locale.ROOT, "| lag max at %d revisions/s | %d ms | bare Kafka hop max | %d ms | |%n", RATE, paced.getMaxValue(),
                raw.getMaxValue()));
        md.append(String.format(Locale.ROOT, "| of which: appended -> its scoring transaction began (poll, batches ahead), p50 / p99 | %d / %d ms "
                + "| | | |%n", result.waiting().getValueAtPercentile(50), result.waiting().getValueAtPercentile(99)));
        md.append(String.format(Locale.ROOT, "| of which: transaction began -> RevisionScored appended (batch, commit, relay, publish), p50 / p99 "
                + "| %d / %d ms | | | |%n", result.handling().getValueAtPercentile(50), result.handling().getValueAtPercentile(99)));
        md.append(String.format(Locale.ROOT, "| revisions scored per second, %d produced at once | %,.0f | the engine alone, one thread, "
                + "this JVM | %,.0f | |%n", result.burstCount(), result.burstPerSecond(), engineAlone));
        md.append(String.format(Locale.ROOT, "%nIn the burst the last revision was scored %,d ms after it was appended (p50 %,d ms). The service "
                + "scores on one consumer thread per instance, one transaction per poll batch; the burst figure is what one instance sustains "
                + "here. Batching over the whole run (warm-up, paced and burst): %s. Load average (1/5/15 min) %s before the runs, %s after: "
                + "anything else on these cores lowers every figure here, the ceilings included.%n", result.burst().getMaxValue(),
                result.burst().getValueAtPercentile(50), result.batches(), loadBefore, loadAfter));
        Path file = RepositoryLayout.locate().root().resolve("docs/benchmarks.md");
        BenchmarkReport.writeSection(file, "scoring", md.toString());
        System.out.println("\n" + md + "\nWritten to " + file);
    }
}
