package com.storyloop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storyloop.eventing.kafka.TopicProvisioner;
import com.storyloop.eventing.relay.OutboxRelay;
import com.storyloop.eventing.store.EventStore;
import com.storyloop.eventing.store.NewEvent;
import com.storyloop.bench.load.RawCeilings;
import com.storyloop.runtime.LocalKafka;
import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.Ports;
import com.storyloop.runtime.RepositoryLayout;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Event-store appends and relay throughput, each next to the raw ceiling measured in the same run on the same machine:
 * pgbench inserting into a table of the same shape at the same concurrency, and Kafka's own ProducerPerformance with the
 * same record size and producer settings. Starts its own durable PostgreSQL and Kafka (flush per message, as the
 * platform runs) in a temporary folder.
 */
public final class FoundationBenchmark {

    static final int PAYLOAD_BYTES = 600;

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.seconds", "15")));
        int relayEvents = Integer.parseInt(System.getProperty("bench.relayEvents", "200000"));
        RepositoryLayout layout = RepositoryLayout.locate();
        Path work = Files.createTempDirectory("storyloop-bench-");
        work.toFile().setExecutable(true, false);
        work.toFile().setReadable(true, false);
        System.out.println("Starting PostgreSQL and Kafka in " + work + " ...");
        LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.Settings(work.resolve("pg"), Ports.free(), true), work.resolve("pg.log"), false);
        LocalKafka kafka = LocalKafka.start(new LocalKafka.Settings(work.resolve("kafka"), Ports.free(), Ports.free(), "1g", true, "WARN"),
                layout, false, work.resolve("kafka.log"));
        try {
            postgres.ensureDatabase("bench");
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.jdbcUrl("bench") + "?currentSchema=bench&reWriteBatchedInserts=true");
            config.setUsername(LocalPostgres.SUPERUSER);
            config.setMaximumPoolSize(16);
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                Flyway.configure().dataSource(dataSource).schemas("bench").defaultSchema("bench").locations("classpath:db/eventstore").load().migrate();
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                jdbc.execute("create table raw_events (like events including all)");

                // a fresh cluster allocates and zero-fills WAL segments on first use: warm up so no run pays for that alone
                pgbenchInsert(postgres, work, 8, Duration.ofSeconds(5));
                eventStoreAppends(dataSource, 8, Duration.ofSeconds(5));
                List<String[]> rows = new ArrayList<>();
                for (int writers : new int[] {1, 8}) {
                    double raw = pgbenchInsert(postgres, work, writers, window);
                    double store = eventStoreAppends(dataSource, writers, window);
                    rows.add(new String[] {"event-store appends, " + writers + " writer" + (writers > 1 ? "s" : ""), fmt(store),
                            "pgbench insert, same table shape, " + writers + " client" + (writers > 1 ? "s" : ""), fmt(raw), pct(store, raw), "50%"});
                    System.out.printf("appends with %d writer(s): %s/s vs raw insert %s/s (%s)%n", writers, fmt(store), fmt(raw), pct(store, raw));
                }
                double producerCeiling = producerPerformance(layout, kafka, work, relayEvents);
                double relay = relayThroughput(dataSource, kafka, relayEvents);
                rows.add(new String[] {"relay into Kafka (" + PAYLOAD_BYTES + "-byte events)", fmt(relay),
                        "Kafka ProducerPerformance, same record size and producer settings", fmt(producerCeiling), pct(relay, producerCeiling), "50%"});
                System.out.printf("relay: %s events/s vs producer %s records/s (%s)%n", fmt(relay), fmt(producerCeiling), pct(relay, producerCeiling));
                report(rows, window, relayEvents);
            }
        } finally {
            kafka.close();
            postgres.close();
        }
    }

    static double pgbenchInsert(LocalPostgres postgres, Path work, int clients, Duration window) throws Exception {
        Path script = work.resolve("insert.sql");
        Files.writeString(script, """
                \\set n random(1, 1000000000)
                insert into bench.raw_events (event_id, stream_id, stream_version, event_type, partition_key, org_id, payload)
                values (gen_random_uuid(), 'stream-' || :n || '-' || :client_id, 1, 'StoryRevised', 'client-' || :n, 'org-1',
                        convert_to(repeat('x', %d), 'UTF8'));
                """.formatted(PAYLOAD_BYTES));
        return RawCeilings.pgbench(postgres.port(), LocalPostgres.SUPERUSER, "bench", script, clients, window);
    }

    static double eventStoreAppends(HikariDataSource dataSource, int writers, Duration window) throws Exception {
        EventStore store = new EventStore(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        byte[] payload = new byte[PAYLOAD_BYTES];
        new Random(7).nextBytes(payload);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong appended = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            work.add(pool.submit(() -> {
                while (!stop.get()) {
                    String client = "client-" + UUID.randomUUID();
                    transactions.executeWithoutResult(tx -> store.append("stream-" + client, 0,
                            List.of(new NewEvent(UUID.randomUUID(), "StoryRevised", client, "org-1", payload))));
                    appended.incrementAndGet();
                }
                return null;
            }));
        }
        TimeUnit.MILLISECONDS.sleep(window.toMillis());
        stop.set(true);
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return appended.get() / seconds;
    }

    static double producerPerformance(RepositoryLayout layout, LocalKafka kafka, Path work, int records) throws Exception {
        return RawCeilings.producerPerformance(layout, kafka.bootstrapServers(), "perf-ceiling", records, PAYLOAD_BYTES);
    }

    /** Pre-fills the event table, then times the relay draining it into Kafka with acks=all. */
    static double relayThroughput(HikariDataSource dataSource, LocalKafka kafka, int events) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("truncate events");
        Random random = new Random(11);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into events (event_id, stream_id, stream_version, event_type, partition_key, org_id, payload) values (?, ?, 1, 'StoryRevised', ?, 'org-1', ?)")) {
                for (int i = 0; i < events; i++) {
                    byte[] payload = new byte[PAYLOAD_BYTES];
                    for (int b = 0; b < payload.length; b++) {
                        payload[b] = (byte) ('A' + random.nextInt(26)); // the same alphabet ProducerPerformance sends
                    }
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "stream-" + i);
                    ps.setString(3, "client-" + (i % 5000));
                    ps.setBytes(4, payload);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
        jdbc.execute("analyze events");
        TopicProvisioner.ensure(kafka.bootstrapServers(), List.of("relay-bench"), 6, (short) 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(TopicProvisioner.producerDefaults(kafka.bootstrapServers()))) {
            OutboxRelay relay = new OutboxRelay(dataSource, producer, type -> "relay-bench",
                    new OutboxRelay.Settings("bench", 2000, Duration.ofMillis(5), Duration.ofSeconds(60)));
            long started = System.nanoTime();
            long relayed = 0;
            while (relayed < events) {
                int page = relay.relayOnce();
                if (page <= 0) {
                    break;
                }
                relayed += page;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (relayed != events) {
                throw new IllegalStateException("relay published " + relayed + " of " + events);
            }
            return relayed / seconds;
        }
    }

    static void report(List<String[]> rows, Duration window, int relayEvents) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## Foundation: event store and relay\n\n");
        md.append("Command: `./storyloop bench foundation` (").append(window.toSeconds()).append(" s per append run, ")
                .append(relayEvents).append(" events relayed). Measured ").append(LocalDate.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; PostgreSQL with fsync on, Kafka flushing every message, ")
                .append("producer acks=all with idempotence; benchmark, database and broker on the same machine.\n\n");
        md.append("| measured | per second | raw ceiling in the same run | ceiling per second | ratio | target |\n|---|---:|---|---:|---:|---:|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append("\nAn append is one transaction: the version check and the insert (two round trips); pgbench sends the insert alone.\n");
        Path file = RepositoryLayout.locate().root().resolve("docs/benchmarks.md");
        BenchmarkReport.writeSection(file, "foundation", md.toString());
        System.out.println("\n" + md + "\nWritten to " + file);
    }

    static String fmt(double value) {
        return String.format("%,.0f", value);
    }

    static String pct(double value, double ceiling) {
        return String.format("%.0f%%", 100 * value / ceiling);
    }
}
