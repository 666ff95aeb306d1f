package com.storyloop.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.storyloop.bench.load.FaultSummary;
import com.storyloop.bench.load.Ledger;
import com.storyloop.bench.load.LedgerQueries;
import com.storyloop.bench.load.LoadGenerator;
import com.storyloop.cli.RunningPlatform;
import com.storyloop.eventing.consumer.DeadLetters;
import com.storyloop.runtime.RepositoryLayout;
import com.storyloop.schemas.Topics;

/**
 * The fault run ({@code ./storyloop faults}): the whole platform under a steady load of revisions, hit by one fault after
 * another. After each: the ledger (every accepted revision stored, scored exactly once per rubric version, in coverage
 * exactly once), the coverage views against a rebuild from the topics, and for poison every record in the dead-letter
 * topic of every consumer group with its reason. A supervisor's only job is to start a process that died
 * ({@link RunningPlatform#startStopped()}); nothing else is done by hand. Prints the summary table, writes it into
 * docs/benchmarks.md, and exits 1 when a fault lost, duplicated or diverged anything.
 */
public final class FaultRun {

    static final String ORG = "fault-org";
    private static final List<String> SCHEMAS = List.of("story", "scoring", "practice", "coverage", "console");

    private final double rate = Double.parseDouble(System.getProperty("faults.rate", "20"));
    private final PrintStream out = System.out;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RunningPlatform platform;
    private LoadGenerator load;
    private LedgerQueries queries;
    private final List<FaultSummary.Row> rows = new ArrayList<>();
    /** Something could not be checked: the platform's logs are kept for a look. */
    private boolean failed;

    public static void main(String[] args) throws Exception {
        System.exit(new FaultRun().run() ? 0 : 1);
    }

    boolean run() throws Exception {
        Path home = Files.createTempDirectory("storyloop-faults-");
        home.toFile().setExecutable(true, false);
        home.toFile().setReadable(true, false);
        out.println("Starting the platform in " + home + " ...");
        try (RunningPlatform started = RunningPlatform.startOnFreePorts(home, out, Map.of("STORYLOOP_WEB_LIMITS_WRITESPERMINUTE", "100000"), false)) {
            started.stopOnExit();
            platform = started;
            queries = new LedgerQueries(platform.jdbcUrl(), platform.databaseUser());
            try (LoadGenerator generator = new LoadGenerator(new LoadGenerator.Target(platform.serviceUrl("story-service"),
                    platform.serviceUrl("coverage-service"), platform.keys(), ORG), new LoadGenerator.Settings(Integer.getInteger("faults.clients", 60), 3, 6, 0.2))) {
                load = generator;
                load.setUp(out);
                queries.awaitCaughtUp(ORG, Duration.ofMinutes(3), out);
                load.phase("steady");
                load.start(rate);
                steady(Duration.ofSeconds(15));
                faults();
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            if (failed) {
                out.println("Kept the platform's data and logs for a look: " + home);
            } else {
                CoverageBenchmark.deleteTree(home);
            }
        }
        String table = FaultSummary.table(rows);
        out.println();
        out.println(table);
        boolean passed = FaultSummary.allPassed(rows);
        BenchmarkReport.writeSection(RepositoryLayout.locate().root().resolve("docs").resolve("benchmarks.md"), "faults", report(table, passed));
        out.println(passed ? "Every fault: nothing lost, nothing duplicated, views equal a rebuild." : "FAILED: see the rows marked failed.");
        return passed;
    }

    private void faults() throws Exception {
        fault("kill -9 Kafka broker, restarted after 10 s", () -> {
            platform.kill("kafka");
            steady(Duration.ofSeconds(10)); // the story service keeps accepting: its outbox holds the events
        }, platform::startStopped);
        for (String service : platform.services()) {
            fault("kill -9 " + service + " mid-batch", () -> platform.kill(service), platform::startStopped);
        }
        fault("restart PostgreSQL", () -> platform.restartPostgres(), () -> { });
        poison();
        fault("redeliver story.events and scoring.events from offset 0", () -> {
            redeliver(Topics.STORY_EVENTS);
            redeliver(Topics.SCORING_EVENTS);
        }, () -> awaitGroupsPast(List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS), Duration.ofMinutes(5)));
    }

    interface Step {
        void run() throws Exception;
    }

    private void fault(String name, Step inject, Step heal) {
        fault(name, inject, heal, 0, () -> 0L);
    }

    /**
     * Injects a fault under load; {@code heal} is what a supervisor does (start what died). Recovery counts from the end
     * of the injection (a kill, the broker's deliberate 10 s away, the records published) until every revision stored by
     * then is scored and in coverage, the supervisor's restart included. Then the load pauses for the checks.
     */
    private void fault(String name, Step inject, Step heal, long deadLettersExpected, java.util.concurrent.Callable<Long> deadLettered) {
        out.println("\n== " + name);
        try {
            long refusedBefore = load.failedWrites();
            inject.run();
            long injected = System.nanoTime();
            heal.run();
            long target = queries.progress(ORG).stored();
            Optional<Duration> caughtUp = awaitScoredAndCovered(target, Duration.ofMinutes(5));
            double recovery = caughtUp.isPresent() ? (System.nanoTime() - injected) / 1e9 : Double.NaN;
            long refused = load.failedWrites() - refusedBefore;
            load.drain(Duration.ofMinutes(2));
            queries.awaitCaughtUp(ORG, Duration.ofMinutes(5), out);
            awaitGroupsPast(Topics.ALL, Duration.ofMinutes(5));
            long found = deadLettered.call();
            LedgerQueries.Snapshot snapshot = queries.read(ORG);
            Ledger.Result ledger = Ledger.reconcile(load.ledger().stream().map(a -> new Ledger.RevisionKey(a.storyId(), a.revision())).toList(),
                    snapshot.holdings(), Set.copyOf(queries.rubricVersions(ORG)));
            String diverged = viewsAgainstRebuild();
            List<String> notes = new ArrayList<>(ledger.problems());
            if (!diverged.isEmpty()) {
                notes.add(diverged);
            }
            if (caughtUp.isEmpty()) {
                notes.add("not caught up within 5 min");
            }
            FaultSummary.Row row = new FaultSummary.Row(name, ledger.accepted(), ledger.scored(), ledger.lost(), ledger.duplicated(), recovery, refused,
                    found, deadLettersExpected, diverged.isEmpty(), String.join("; ", notes));
            rows.add(row);
            out.printf(Locale.ROOT, "%s: %,d accepted, %,d scored, %d lost, %d duplicated, recovered in %.1f s, %d writes refused, views %s%s%n", name,
                    row.accepted(), row.scored(), row.lost(), row.duplicated(), recovery, refused,
                    diverged.isEmpty() ? "equal a rebuild" : "DIFFER: " + diverged,
                    deadLettersExpected == 0 ? "" : ", " + found + " of " + deadLettersExpected + " poison records dead-lettered with a reason");
        } catch (Exception e) {
            out.println(name + " could not be checked: " + e);
            rows.add(new FaultSummary.Row(name, 0, 0, 0, 0, Double.NaN, 0, 0, deadLettersExpected, false, "the run could not check it: " + e.getMessage()));
            failed = true;
        }
        load.setRate(rate);
        steady(Duration.ofSeconds(10));
    }

    /** Waits, under load, until at least {@code stored} revisions are scored, in coverage and in timelines. */
    private Optional<Duration> awaitScoredAndCovered(long stored, Duration timeout) throws Exception {
        long from = System.nanoTime();
        while (System.nanoTime() - from < timeout.toNanos()) {
            LedgerQueries.Progress progress = queries.progress(ORG);
            if (progress.scored() >= stored && progress.covered() >= stored && progress.inTimelines() >= stored) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - from));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return Optional.empty();
    }

    private void steady(Duration length) {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(Math.min(TimeUnit.SECONDS.toNanos(1), end - System.nanoTime()));
            out.printf("\r  load: %,d revisions accepted, %d errors, %d in flight   ", load.accepted(), load.errorCount(), load.inFlight());
            out.flush();
        }
        out.println();
    }

    // ------------------------------------------------------------------ poison

    /** Two records on every topic: bytes that are not Avro, and single-object encoding with a fingerprint no schema has. */
    private void poison() throws Exception {
        Map<String, Set<String>> groups = groupsByTopic();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String[]> expected = new ArrayList<>(); // {dead-letter topic, key}
        fault("poison and unknown-schema records on every topic", () -> {
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (String topic : Topics.ALL) {
                    ByteBuffer unknown = ByteBuffer.allocate(2 + 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
                    unknown.put((byte) 0xC3).put((byte) 0x01).putLong(0x5EED_F00D_0BAD_CAFEL).put("not a known schema".getBytes(StandardCharsets.UTF_8), 0, 16);
                    Map<String, byte[]> records = Map.of("poison-" + run + "-not-avro-" + topic, "{this is not avro}".getBytes(StandardCharsets.UTF_8),
                            "poison-" + run + "-unknown-schema-" + topic, unknown.array());
                    for (Map.Entry<String, byte[]> record : records.entrySet()) {
                        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get(30, TimeUnit.SECONDS);
                        for (String group : groups.getOrDefault(topic, Set.of())) {
                            expected.add(new String[] {DeadLetters.topicFor(topic, group), record.getKey()});
                        }
                    }
                }
            }
            out.println("  published 2 poison records on each of " + Topics.ALL + "; expecting " + expected.size() + " dead letters (" + groups + ")");
        }, () -> { }, groups.values().stream().mapToLong(Set::size).sum() * 2, () -> deadLettered(expected, Duration.ofMinutes(2)));
    }

    /**
     * Every consumer group and its topics: those its members are assigned as the broker sees them, and those it has
     * recorded positions for (a group in the middle of a rebalance has no assignment, but must not drop out of a check).
     */
    private Map<String, Set<String>> groupsByTopic() throws Exception {
        Map<String, Set<String>> groups = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), platform.databaseUser(), "")) {
            for (String schema : SCHEMAS) {
                if (!tableExists(c, schema + ".consumer_positions")) {
                    continue;
                }
                try (PreparedStatement st = c.prepareStatement("select distinct consumer_group, topic from " + schema + ".consumer_positions");
                     ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getString(1).contains("rebuild") && Topics.ALL.contains(rs.getString(2))) {
                            groups.computeIfAbsent(rs.getString(2), t -> new java.util.TreeSet<>()).add(rs.getString(1));
                        }
                    }
                }
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            List<String> ids = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream().map(g -> g.groupId())
                    .filter(id -> !id.contains("rebuild")).toList();
            admin.describeConsumerGroups(ids).all().get(30, TimeUnit.SECONDS).forEach((id, group) -> group.members()
                    .forEach(member -> member.assignment().topicPartitions().forEach(tp -> {
                        if (Topics.ALL.contains(tp.topic())) {
                            groups.computeIfAbsent(tp.topic(), t -> new java.util.TreeSet<>()).add(id);
                        }
                    })));
        }
        return groups;
    }

    /** How many of the expected poison records reached their dead-letter topic with a reason header. */
    private long deadLettered(List<String[]> expected, Duration timeout) {
        Map<String, Set<String>> wanted = new HashMap<>();
        expected.forEach(e -> wanted.computeIfAbsent(e[0], t -> new HashSet<>()).add(e[1]));
        long found = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (Map.Entry<String, Set<String>> topic : wanted.entrySet()) {
                Set<String> missing = new HashSet<>(topic.getValue());
                while (!missing.isEmpty() && System.nanoTime() < deadline) {
                    List<TopicPartition> partitions = partitions(consumer, topic.getKey());
                    if (partitions.isEmpty()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                        continue;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                            Header reason = record.headers().lastHeader(DeadLetters.REASON);
                            if (reason != null && reason.value().length > 0) {
                                missing.remove(record.key());
                            }
                        }
                    }
                    if (!missing.isEmpty()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                    }
                }
                found += topic.getValue().size() - missing.size();
                if (!missing.isEmpty()) {
                    out.println("  not in " + topic.getKey() + " with a reason: " + missing);
                }
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ redelivery

    /** Every record of the topic, from offset 0 to its current end, published again to its own partition, unchanged. */
    private void redeliver(String topic) throws Exception {
        long copied = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(); KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        sent.add(producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(), record.headers())));
                        copied++;
                    }
                }
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(60, TimeUnit.SECONDS); // every copy acknowledged, or the fault run says so
            }
        }
        out.printf("  %s: %,d records published again from offset 0%n", topic, copied);
    }

    /** Waits until every group reading these topics has passed their current end (their positions are in the database). */
    private void awaitGroupsPast(List<String> topics, Duration timeout) throws Exception {
        Map<String, Set<String>> groups = groupsByTopic();
        Map<String, Long> ends = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (String topic : topics) {
                ends.put(topic, consumer.endOffsets(partitions(consumer, topic)).values().stream().mapToLong(Long::longValue).sum());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), platform.databaseUser(), "")) {
            for (String topic : topics) {
                for (String group : groups.getOrDefault(topic, Set.of())) {
                    while (position(c, group, topic) < ends.get(topic)) {
                        if (System.nanoTime() > deadline) {
                            out.println("  " + group + " did not pass the end of " + topic + " within " + timeout.toSeconds() + " s");
                            return;
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                    }
                }
            }
        }
        out.println("  every group has read the redelivered records");
    }

    private static long position(Connection c, String group, String topic) throws Exception {
        long total = 0;
        for (String schema : SCHEMAS) {
            if (!tableExists(c, schema + ".consumer_positions")) {
                continue;
            }
            try (PreparedStatement st = c.prepareStatement("select coalesce(sum(next_offset), 0) from " + schema
                    + ".consumer_positions where consumer_group = ? and topic = ?")) {
                st.setString(1, group);
                st.setString(2, topic);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    private static boolean tableExists(Connection c, String table) throws Exception {
        try (PreparedStatement st = c.prepareStatement("select to_regclass(?) is not null")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    // ------------------------------------------------------------------ views against a rebuild

    /**
     * Reads every client's coverage and timeline and every story's timeline as a coach, rebuilds every coverage
     * projection from the beginning of its topics, reads them again: empty when equal, else the first difference.
     */
    private String viewsAgainstRebuild() throws Exception {
        Map<String, String> before = views();
        platform.rebuild("coverage", quiet);
        Map<String, String> after = views();
        for (Map.Entry<String, String> view : before.entrySet()) {
            if (!view.getValue().equals(after.get(view.getKey()))) {
                return view.getKey() + " differs after a rebuild";
            }
        }
        return before.size() == after.size() ? "" : "a rebuild changed the number of views";
    }

    private Map<String, String> views() throws Exception {
        Map<String, String> views = new LinkedHashMap<>();
        String coverage = platform.serviceUrl("coverage-service");
        for (Map.Entry<String, List<String>> client : load.storiesByClient().entrySet()) {
            String token = load.coachToken(client.getKey());
            List<String> paths = new ArrayList<>(List.of("/api/clients/" + client.getKey() + "/coverage", "/api/clients/" + client.getKey() + "/timeline"));
            client.getValue().forEach(story -> paths.add("/api/stories/" + story + "/timeline"));
            for (String path : paths) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(coverage + path)).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                // consumerLag says how far behind its topics a view was at that instant: not part of what the view holds
                views.put(path, response.statusCode() + " " + response.body().replaceAll("\"consumerLag\"\\s*:\\s*-?\\d+", "\"consumerLag\":_"));
            }
        }
        return views;
    }

    // ------------------------------------------------------------------ Kafka

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    // ------------------------------------------------------------------ report

    private String report(String table, boolean passed) {
        return "## Faults: nothing lost, nothing counted twice\n\n"
                + "Command: `./storyloop faults` (12 minutes here; `-Dfaults.rate=N` revisions/s, default 20). Measured " + LocalDate.now()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores: the whole platform as `storyloop up` runs it (its small-memory JVM flags), "
                + load.storiesByClient().size() + " simulated clients revising their stories through the HTTP API at a steady " + String.format(Locale.ROOT, "%.0f", rate)
                + " revisions/s, coaches reading. Each fault is injected under that load; when it is over, the generator stops offering revisions and the run "
                + "checks: every revision answered 201 is in the story store, has exactly one RevisionScored per rubric version, and is in the coverage "
                + "facts and the story timeline exactly once (the ledger); every client's coverage and timeline and every story's timeline read the same "
                + "before and after a rebuild of the coverage projections from the topics; every poison record is in the dead-letter topic of every "
                + "consumer group that reads its topic, with a `dlq-reason` header. The only outside help is a supervisor starting a process that died, "
                + "as Kubernetes would. Recovery is from the end of the injection (the kill; the broker's deliberate 10 s away; the records published) until every revision stored by then is scored and in coverage, the supervisor's restart of what died included. Writes refused during a "
                + "fault (connection refused, 503) were answered as errors, so the client knows to retry: they are not accepted and not in the ledger. "
                + "Cumulative figures: the ledger covers the whole run so far.\n\n" + table + "\n"
                + (passed ? "Every fault passed.\n" : "**At least one fault failed: see its row.**\n");
    }
}
