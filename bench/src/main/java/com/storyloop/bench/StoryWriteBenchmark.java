package com.storyloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.storyloop.bench.load.RawCeilings;
import com.storyloop.runtime.LocalKafka;
import com.storyloop.runtime.LocalPostgres;
import com.storyloop.runtime.Ports;
import com.storyloop.runtime.RepositoryLayout;

/**
 * Story revisions through the public HTTP API, with PostgreSQL, Kafka and story-service (a child JVM from its built jar)
 * all on this machine, next to raw ceilings measured in the same run:
 *
 * <ul>
 *   <li>throughput: 32 writers in a closed loop, each revising its own stories (If-Match from the last ETag), counting
 *       201s; ceiling: pgbench running the SQL of one revision (read the stream, insert the event, upsert the summary)
 *       with 32 clients, and the service's cheapest HTTP round trip (GET liveness) with 32 connections;</li>
 *   <li>latency: revisions paced at 200 requests/s (open loop, measured from each request's scheduled start, so a slow
 *       response cannot hide the ones queued behind it), p50/p99 with HdrHistogram.</li>
 * </ul>
 */
public final class StoryWriteBenchmark {

    static final int WRITERS = Integer.getInteger("bench.writers", 32);
    static final int STORIES_PER_WRITER = 40;
    static final int PACED_RATE = 200;
    static final List<String> SERVICE_JVM_FLAGS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC");

    /** The benchmark organisation's admin writes every bank and story. */
    private final String token = BenchTokens.orgAdmin("bench");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    StoryWriteBenchmark(String base) {
        this.base = base;
    }

    /** One story a writer owns: its id and the ETag its next revision must send. */
    static final class OwnedStory {
        final String storyId;
        String etag;
        int revision;

        OwnedStory(String storyId, String etag) {
            this.storyId = storyId;
            this.etag = etag;
            this.revision = 1;
        }
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(Integer.parseInt(System.getProperty("bench.seconds", "20")));
        RepositoryLayout layout = RepositoryLayout.locate();
        Path jar = layout.serviceJar("story-service");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./storyloop build");
        }
        Path work = Files.createTempDirectory("storyloop-bench-story-");
        work.toFile().setExecutable(true, false);
        work.toFile().setReadable(true, false);
        System.out.println("Starting PostgreSQL, Kafka and story-service in " + work + " ...");
        LocalPostgres postgres = LocalPostgres.start(new LocalPostgres.Settings(work.resolve("pg"), Ports.free(), true), work.resolve("pg.log"), false);
        LocalKafka kafka = LocalKafka.start(new LocalKafka.Settings(work.resolve("kafka"), Ports.free(), Ports.free(), "1g", true, "WARN"),
                layout, false, work.resolve("kafka.log"));
        Process service = null;
        try {
            postgres.ensureDatabase("bench");
            int port = Ports.free();
            service = startService(jar, postgres, kafka, port, work.resolve("story-service.log"));
            StoryWriteBenchmark bench = new StoryWriteBenchmark("http://127.0.0.1:" + port);
            bench.awaitHealthy(service, Duration.ofMinutes(3));

            String loadBefore = loadAverage();
            System.out.println("Drafting " + WRITERS * STORIES_PER_WRITER + " stories in " + WRITERS + " banks ...");
            List<List<OwnedStory>> owned = bench.draftStories();
            System.out.println("Warming up (JIT, connection pools) ...");
            bench.closedLoop(owned, Duration.ofSeconds(10));
            Throughput revisions = bench.closedLoop(owned, window);
            System.out.printf("revisions: %,.0f/s with %d writers (p50 %.1f ms, p99 %.1f ms, %d refused)%n", revisions.perSecond(), WRITERS,
                    ms(revisions.latency().getValueAtPercentile(50)), ms(revisions.latency().getValueAtPercentile(99)), revisions.refused());
            Histogram paced = bench.paced(owned, PACED_RATE, window);
            System.out.printf("paced at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", PACED_RATE, ms(paced.getValueAtPercentile(50)),
                    ms(paced.getValueAtPercentile(99)), ms(paced.getMaxValue()));
            Throughput liveness = bench.httpCeiling(window);
            System.out.printf("HTTP ceiling (GET liveness): %,.0f/s%n", liveness.perSecond());
            double pgbench = pgbenchRevisions(postgres, work, window);
            System.out.printf("pgbench, the revision's SQL: %,.0f/s%n", pgbench);
            report(window, revisions, paced, liveness.perSecond(), pgbench, loadBefore, loadAverage());
        } finally {
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

    static Process startService(Path jar, LocalPostgres postgres, LocalKafka kafka, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVICE_JVM_FLAGS);
        // e.g. -Dbench.serviceFlags=-XX:StartFlightRecording=filename=/tmp/story.jfr to profile the service under load
        String extra = System.getProperty("bench.serviceFlags", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // e.g. -Dbench.serviceJdbcParams=reWriteBatchedInserts=true to try a driver setting without rebuilding the service
        String jdbcParams = System.getProperty("bench.serviceJdbcParams", "");
        String jdbcUrl = postgres.jdbcUrl("bench") + (jdbcParams.isBlank() ? "" : (postgres.jdbcUrl("bench").contains("?") ? "&" : "?") + jdbcParams);
        builder.environment().putAll(Map.of("SERVER_PORT", Integer.toString(port), "SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", LocalPostgres.SUPERUSER, "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        builder.environment().putAll(BenchTokens.serviceEnvironment());
        return builder.start();
    }

    void awaitHealthy(Process service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("story-service exited with " + service.exitValue() + "; see its log");
            }
            try {
                if (send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IllegalStateException("story-service did not become healthy within " + timeout);
    }

    List<List<OwnedStory>> draftStories() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<OwnedStory>>> banks = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                banks.add(pool.submit(() -> {
                    HttpResponse<String> bank = send(json("POST", "/api/banks", """
                            {"orgId": "bench", "clientId": "writer-%d-%s", "targetRole": "Senior PM", "targetLevel": "L6"}
                            """.formatted(writer, UUID.randomUUID()), null));
                    expect(bank, 201);
                    String bankId = bank.headers().firstValue("Location").orElseThrow().substring("/api/banks/".length());
                    List<OwnedStory> stories = new ArrayList<>();
                    for (int s = 0; s < STORIES_PER_WRITER; s++) {
                        HttpResponse<String> drafted = send(json("POST", "/api/banks/" + bankId + "/stories", story("Story " + s, 0), null));
                        expect(drafted, 201);
                        stories.add(new OwnedStory(drafted.headers().firstValue("Location").orElseThrow().substring("/api/stories/".length()),
                                drafted.headers().firstValue("ETag").orElseThrow()));
                    }
                    return stories;
                }));
            }
            List<List<OwnedStory>> owned = new ArrayList<>();
            for (Future<List<OwnedStory>> bank : banks) {
                owned.add(bank.get());
            }
            return owned;
        } finally {
            pool.shutdown();
        }
    }

    record Throughput(double perSecond, Histogram latency, long refused) {
    }

    /** Every writer revises its own stories one after another, as fast as the responses come back. */
    Throughput closedLoop(List<List<OwnedStory>> owned, Duration window) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Recorder latency = new Recorder(3);
        ExecutorService pool = Executors.newFixedThreadPool(owned.size());
        List<Future<?>> writers = new ArrayList<>();
        long started = System.nanoTime();
        for (List<OwnedStory> stories : owned) {
            writers.add(pool.submit(() -> {
                int next = 0;
                while (!stop.get()) {
                    OwnedStory story = stories.get(next++ % stories.size());
                    long t0 = System.nanoTime();
                    if (revise(story)) {
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                    latency.recordValue(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        TimeUnit.MILLISECONDS.sleep(window.toMillis());
        stop.set(true);
        for (Future<?> writer : writers) {
            writer.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Throughput(accepted.get() / seconds, latency.getIntervalHistogram(), refused.get());
    }

    /**
     * Revisions started at a fixed rate whatever the responses do (open loop); each latency counts from the request's
     * scheduled start, so time spent queued behind a slow response is measured, not hidden.
     */
    Histogram paced(List<List<OwnedStory>> owned, int perSecond, Duration window) throws Exception {
        ConcurrentLinkedQueue<OwnedStory> idle = new ConcurrentLinkedQueue<>();
        owned.forEach(idle::addAll);
        Recorder latency = new Recorder(3);
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long interval = 1_000_000_000L / perSecond;
        long total = window.toSeconds() * perSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Future<?>> sent = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(senders.submit(() -> {
                OwnedStory story = idle.poll();
                if (story == null) {
                    throw new IllegalStateException("every story is in flight: the service fell far behind");
                }
                boolean ok = revise(story);
                latency.recordValue(System.nanoTime() - scheduled);
                idle.add(story);
                if (!ok) {
                    throw new IllegalStateException("a paced revision was refused");
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        return latency.getIntervalHistogram();
    }

    /** The same service's cheapest HTTP round trip, 32 connections in a closed loop: what HTTP alone costs here. */
    Throughput httpCeiling(Duration window) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        HttpRequest liveness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).GET().build();
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < WRITERS; c++) {
            clients.add(pool.submit(() -> {
                while (!stop.get()) {
                    expect(send(liveness), 200);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        TimeUnit.MILLISECONDS.sleep(window.toMillis());
        stop.set(true);
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Throughput(done.get() / seconds, new Histogram(3), 0);
    }

    boolean revise(OwnedStory story) {
        HttpResponse<String> response = send(json("POST", "/api/stories/" + story.storyId + "/revisions", story("Story " + story.storyId,
                story.revision + 1), story.etag));
        if (response.statusCode() != 201) {
            return false;
        }
        story.etag = response.headers().firstValue("ETag").orElseThrow();
        story.revision++;
        return true;
    }

    /** A STAR story of about 330 words (2.2 KB), the size the rubric expects; the revision number makes every text new. */
    static String story(String title, int revision) {
        String action = ("I pulled the support tickets myself and split them by assistive technology, which showed the regression hit "
                + "screen-reader users only. I proposed rolling back for those sessions while keeping the redesign for everyone else, "
                + "argued it with the director who wanted to keep the full win, and agreed a one-week deadline for an accessible fix. ").repeat(2);
        return """
                {"title": "%s", "situation": "Checkout conversion rose 4%% after the redesign, but support tickets from screen-reader users tripled within a week (revision %d).",
                 "task": "I owned checkout quality for every customer, including the ones the aggregate metric hid.",
                 "action": "%s",
                 "result": "Conversion kept +3.6%% overall, accessibility tickets went back from 120 to 38 a week, and an accessibility check became part of our release review.",
                 "principles": ["CUSTOMER_OBSESSION", "DIVE_DEEP", "BACKBONE"], "note": "revision %d"}
                """.formatted(title, revision, action.strip(), revision);
    }

    HttpRequest json(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(30));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    /**
     * The raw ceiling: pgbench runs the SQL a revision runs (read the stream's version and events, insert the event,
     * upsert the summary, commit) against copies of the service's tables, 32 clients on 40 stories each.
     */
    static double pgbenchRevisions(LocalPostgres postgres, Path work, Duration window) throws Exception {
        return pgbenchRevisions(postgres.port(), "bench", work, WRITERS, window);
    }

    /** The same, in any database holding story-service's tables (e.g. a running platform's), {@code clients} connections. */
    static double pgbenchRevisions(int port, String database, Path work, int clients, Duration window) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, LocalPostgres.SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists raw cascade");
            s.execute("create schema raw");
            s.execute("create table raw.events (like story.events including all)");
            s.execute("create table raw.story_summaries (like story.story_summaries including all)");
        }
        Path script = work.resolve("revise.sql");
        Files.writeString(script, """
                \\set n random(1, %d)
                BEGIN;
                SELECT coalesce(max(stream_version), 0) AS v FROM raw.events WHERE stream_id = 'raw-' || :client_id || '-' || :n \\gset
                SELECT payload FROM raw.events WHERE stream_id = 'raw-' || :client_id || '-' || :n ORDER BY stream_version;
                INSERT INTO raw.events (event_id, stream_id, stream_version, event_type, partition_key, org_id, payload)
                  VALUES (gen_random_uuid(), 'raw-' || :client_id || '-' || :n, :v + 1, 'StoryRevised', 'client-' || :client_id, 'bench',
                          convert_to(repeat('x', 2300), 'UTF8'));
                INSERT INTO raw.story_summaries (story_id, bank_id, org_id, client_id, title, revision, version, format, principles, word_count,
                                                 has_deep_dive, retired, drafted_at, changed_at)
                  VALUES ('raw-' || :client_id || '-' || :n, 'bank-' || :client_id, 'bench', 'client-' || :client_id, 'Story', :v + 1, :v + 1,
                          'STAR', '{CUSTOMER_OBSESSION}', 330, false, false, now(), now())
                  ON CONFLICT (story_id) DO UPDATE SET revision = excluded.revision, version = excluded.version, changed_at = excluded.changed_at;
                END;
                """.formatted(STORIES_PER_WRITER));
        return RawCeilings.pgbench(port, LocalPostgres.SUPERUSER, database, script, clients, window);
    }

    /** The 1-, 5- and 15-minute load averages: other work on the same cores shows up in every figure. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void report(Duration window, Throughput revisions, Histogram paced, double httpCeiling, double pgbench, String loadBefore,
                       String loadAfter) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## Story writes: revisions through HTTP\n\n");
        md.append("Command: `./storyloop bench story` (").append(window.toSeconds()).append(" s per run after a 10 s warm-up). Measured ")
                .append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared by PostgreSQL (fsync on), Kafka (flush per message), story-service (`")
                .append(String.join(" ", SERVICE_JVM_FLAGS)).append("`, its relay publishing every event with acks=all) and the load generator. ")
                .append("Each revision is a complete ~330-word STAR text with If-Match; ").append(WRITERS).append(" writers own ")
                .append(STORIES_PER_WRITER).append(" stories each.\n\n");
        md.append("| measured | result | raw ceiling in the same run | ceiling | ratio | target |\n|---|---:|---|---:|---:|---:|\n");
        md.append("| revisions accepted per second, ").append(WRITERS).append(" concurrent writers on distinct stories | ")
                .append(fmt(revisions.perSecond())).append(" | pgbench running one revision's SQL (read stream, insert event, upsert summary), ")
                .append(WRITERS).append(" clients | ").append(fmt(pgbench)).append(" | ").append(pct(revisions.perSecond(), pgbench))
                .append(" | 1,000/s |\n");
        md.append("| (same run) | | GET /actuator/health/liveness on the same service, ").append(WRITERS).append(" connections | ")
                .append(fmt(httpCeiling)).append(" | ").append(pct(revisions.perSecond(), httpCeiling)).append(" | |\n");
        // a revision needs the database and HTTP on the same cores: their costs add up, so together they leave at most this
        double combined = 1 / (1 / pgbench + 1 / httpCeiling);
        md.append("| (same run) | | both of the above sharing these cores: 1 / (1/pgbench + 1/HTTP) | ").append(fmt(combined)).append(" | ")
                .append(pct(revisions.perSecond(), combined)).append(" | |\n");
        md.append(String.format("| latency p50 at %d revisions/s (paced, open loop) | %.1f ms | | | | |%n", PACED_RATE, ms(paced.getValueAtPercentile(50))));
        md.append(String.format("| latency p99 at %d revisions/s (paced, open loop) | %.1f ms | | | | < 100 ms |%n", PACED_RATE,
                ms(paced.getValueAtPercentile(99))));
        md.append(String.format("%nAt full load (closed loop) a revision took p50 %.1f ms, p99 %.1f ms; %d were refused (expected 0). ",
                ms(revisions.latency().getValueAtPercentile(50)), ms(revisions.latency().getValueAtPercentile(99)), revisions.refused()));
        md.append(String.format("Paced run: %d requests, max %.1f ms. ", paced.getTotalCount(), ms(paced.getMaxValue())));
        md.append("A revision reads the story's stream, decides, appends and upserts the summary in one transaction; the ceiling ")
                .append("rows show what the database alone and HTTP alone sustain on the same cores. Load average (1/5/15 min) ")
                .append(loadBefore).append(" before the runs, ").append(loadAfter).append(" after: anything else running on these cores ")
                .append("lowers every figure here, the ceilings included.\n");
        Path file = RepositoryLayout.locate().root().resolve("docs/benchmarks.md");
        BenchmarkReport.writeSection(file, "story", md.toString());
        System.out.println("\n" + md + "\nWritten to " + file);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String fmt(double value) {
        return String.format("%,.0f", value);
    }

    static String pct(double value, double ceiling) {
        return String.format("%.0f%%", 100 * value / ceiling);
    }
}
