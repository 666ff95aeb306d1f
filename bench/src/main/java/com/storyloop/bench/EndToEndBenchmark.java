package com.storyloop.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import com.storyloop.bench.load.JfrProfile;
import com.storyloop.bench.load.Ledger;
import com.storyloop.bench.load.LedgerQueries;
import com.storyloop.bench.load.LoadGenerator;
import com.storyloop.bench.load.ProcessStats;
import com.storyloop.bench.load.RawCeilings;
import com.storyloop.bench.load.SvgChart;
import com.storyloop.cli.RunningPlatform;
import com.storyloop.runtime.RepositoryLayout;

/**
 * The end-to-end benchmark ({@code ./storyloop bench}): the whole platform as `storyloop up` runs it, on this machine,
 * driven through its public HTTP API by simulated clients revising their stories and coaches reading coverage and
 * timelines. After a warm-up it measures a window, then checks the ledger, rebuilds a projection, measures the bare
 * parts' ceilings in the same run, and writes its table and chart into docs/benchmarks.md.
 */
public final class EndToEndBenchmark {

    static final String ORG = "bench-org";
    /** story-service's connection pool (its application.yml): no more revisions than this reach PostgreSQL at once. */
    static final int STORY_POOL = 24;
    /** C2 on and a larger heap than `up`'s small-memory defaults: a load test measures the services as production runs them. */
    static final String SERVICE_JAVA_OPTS = "-Xms256m -Xmx512m -XX:+UseSerialGC -Xss512k";

    record Options(double rate, Duration warmUp, Duration window, int clients, int storiesPerClient, int coaches, double coachReadsPerSecond) {
        static Options fromSystemProperties() {
            return new Options(Double.parseDouble(System.getProperty("bench.rate", "500")),
                    Duration.ofSeconds(Long.getLong("bench.warmup", 120)), Duration.ofSeconds(Long.getLong("bench.seconds", 600)),
                    Integer.getInteger("bench.clients", 500), Integer.getInteger("bench.stories", 4), Integer.getInteger("bench.coaches", 50),
                    Double.parseDouble(System.getProperty("bench.coachReads", "0.2")));
        }

        boolean standard() {
            return rate == 500 && warmUp.toSeconds() == 120 && window.toSeconds() == 600;
        }
    }

    /** Per-second figures while the load ran, for the chart. */
    static final class Series {
        final List<Double> seconds = new ArrayList<>();
        final List<Double> accepted = new ArrayList<>();
        final List<Double> writeP99 = new ArrayList<>();
    }

    private final Options options;
    private final PrintStream out = System.out;

    EndToEndBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new EndToEndBenchmark(Options.fromSystemProperties()).run();
    }

    void run() throws Exception {
        Path home = Files.createTempDirectory("storyloop-bench-e2e-");
        home.toFile().setExecutable(true, false);
        home.toFile().setReadable(true, false);
        out.printf("Starting the platform in %s (services with %s) ...%n", home, SERVICE_JAVA_OPTS);
        String loadBefore = StoryWriteBenchmark.loadAverage();
        try (RunningPlatform platform = RunningPlatform.startOnFreePorts(home, out, Map.of("STORYLOOP_SERVICE_JAVA_OPTS", SERVICE_JAVA_OPTS,
                // one organisation admin opens every client's bank during set-up; the clients themselves stay far below the default
                "STORYLOOP_WEB_LIMITS_WRITESPERMINUTE", "100000"), false)) {
            measure(platform.stopOnExit(), home, loadBefore);
        } finally {
            CoverageBenchmark.deleteTree(home);
        }
    }

    private void measure(RunningPlatform platform, Path home, String loadBefore) throws Exception {
        LedgerQueries queries = new LedgerQueries(platform.jdbcUrl(), platform.databaseUser());
        LoadGenerator.Settings settings = new LoadGenerator.Settings(options.clients(), options.storiesPerClient(), options.coaches(),
                options.coachReadsPerSecond());
        try (LoadGenerator load = new LoadGenerator(new LoadGenerator.Target(platform.serviceUrl("story-service"),
                platform.serviceUrl("coverage-service"), platform.keys(), ORG), settings)) {
            load.setUp(out);
            queries.awaitCaughtUp(ORG, Duration.ofMinutes(5), out);

            Map<String, Long> pids = pids(platform);
            Series series = new Series();
            Histogram writes = new Histogram(3);
            long started = System.currentTimeMillis();
            load.phase("warm-up");
            load.start(options.rate());
            run(load, options.warmUp(), "warm-up", started, series, new Histogram(3), new long[1]); // the warm-up's latencies are only charted
            load.writes().getIntervalHistogram(); // nothing of the warm-up in the measured figures
            load.reads().getIntervalHistogram();
            load.phase("measured");
            long measuredFrom = System.currentTimeMillis();
            long acceptedBefore = load.accepted();
            long errorsBefore = load.errorCount();
            long droppedBefore = load.droppedTicks();
            long readsBefore = load.readsDone();
            Map<String, Long> cpuBefore = ProcessStats.cpuMillis(pids);
            long[] inFlightSum = new long[1];
            // the last minute of the window runs under the JDK's Flight Recorder: where each service's CPU goes
            Duration profiled = options.window().compareTo(Duration.ofSeconds(120)) >= 0 ? Duration.ofSeconds(60) : Duration.ZERO;
            Map<String, Long> memory = run(load, options.window().minus(profiled), "measured", started, series, writes, inFlightSum, pids);
            if (!profiled.isZero()) {
                platform.services().forEach(service -> platform.pid(service).ifPresent(JfrProfile::start));
                memory = ProcessStats.max(memory, run(load, profiled, "profiled", started, series, writes, inFlightSum, pids));
            }
            // every figure of the window is taken before the profile is read: reading it costs CPU of its own
            Map<String, Long> cpu = ProcessStats.since(cpuBefore, ProcessStats.cpuMillis(pids));
            double measuredSeconds = (System.currentTimeMillis() - measuredFrom) / 1000.0;
            long acceptedInWindow = load.accepted() - acceptedBefore;
            long errorsInWindow = load.errorCount() - errorsBefore;
            long dropped = load.droppedTicks() - droppedBefore;
            double readsPerSecond = (load.readsDone() - readsBefore) / measuredSeconds;
            Histogram reads = load.reads().getIntervalHistogram();
            double meanInFlight = (double) inFlightSum[0] / Math.max(1, options.window().toSeconds());
            out.println("\nLoad stopped; waiting for the last revisions to be answered, scored and in coverage ...");
            load.drain(Duration.ofMinutes(2));
            Map<String, JfrProfile.Hotspots> profile = new LinkedHashMap<>();
            if (!profiled.isZero()) {
                for (String service : platform.services()) {
                    platform.pid(service).ifPresent(pid -> profile.put(service, JfrProfile.dumpAndRead(pid, home.resolve(service + ".jfr"), 6)));
                }
            }
            java.util.Optional<Duration> catchUp = queries.awaitCaughtUp(ORG, Duration.ofMinutes(15), out);

            out.println("Reading the ledger (every revision's commit times from the database) ...");
            LedgerQueries.Snapshot snapshot = queries.read(ORG);
            List<LoadGenerator.Accepted> ledger = load.ledger();
            Ledger.Result check = Ledger.reconcile(ledger.stream().map(a -> new Ledger.RevisionKey(a.storyId(), a.revision())).toList(),
                    snapshot.holdings(), Set.copyOf(queries.rubricVersions(ORG)));
            Lags lags = lags(ledger, snapshot, started);
            out.printf(Locale.ROOT, "ledger: %,d accepted, %,d stored, %,d scored, %d lost, %d duplicated%n", check.accepted(), check.stored(),
                    check.scored(), check.lost(), check.duplicated());

            out.println("Rebuilding coverage-principles while the services keep serving ...");
            String rebuilt;
            try {
                rebuilt = platform.rebuild("coverage-principles", out).get(0);
            } catch (RuntimeException e) { // the figures so far are worth more than this one: report it as not measured
                out.println("rebuild failed: " + e.getMessage());
                rebuilt = "{}";
            }

            out.println("Raw ceilings on the same machine ...");
            // the concurrency that reaches PostgreSQL: the writes in flight, at most the story service's 24 connections
            Ceilings ceilings;
            try {
                ceilings = ceilings(platform, home, (int) Math.min(STORY_POOL, Math.max(1, Math.ceil(meanInFlight))));
            } catch (Exception e) {
                out.println("raw ceilings not measured: " + e.getMessage());
                ceilings = new Ceilings(0, 0, 0, 0, 0);
            }
            String loadAfter = StoryWriteBenchmark.loadAverage();

            EndToEndReport report = new EndToEndReport(options, platform.serviceJvmFlags(), acceptedInWindow / measuredSeconds, acceptedInWindow, writes, reads, readsPerSecond,
                    errorsInWindow, load.errors(), dropped, lags, check, catchUp, rebuilt, memory, cpu, measuredSeconds, meanInFlight, ceilings,
                    profile, loadBefore, loadAfter);
            Path docs = RepositoryLayout.locate().root().resolve("docs");
            String chartName = options.standard() ? "e2e-latency.svg" : "e2e-latency-" + (long) options.rate() + ".svg";
            Files.createDirectories(docs.resolve("bench"));
            Files.writeString(docs.resolve("bench").resolve(chartName), chart(series, lags, options));
            BenchmarkReport.writeSection(docs.resolve("benchmarks.md"), options.standard() ? "e2e" : "e2e-" + (long) options.rate(),
                    report.markdown("bench/" + chartName));
            out.println();
            out.println(report.markdown("docs/bench/" + chartName));
        }
    }

    private Map<String, Long> pids(RunningPlatform platform) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String component : List.of("postgres", "kafka")) {
            platform.pid(component).ifPresent(pid -> pids.put(component.equals("postgres") ? "postgresql" : component, pid));
        }
        for (String service : platform.services()) {
            platform.pid(service).ifPresent(pid -> pids.put(service, pid));
        }
        pids.put("load generator", ProcessHandle.current().pid());
        return pids;
    }

    private Map<String, Long> run(LoadGenerator load, Duration length, String phase, long started, Series series, Histogram total, long[] inFlightSum) {
        return run(load, length, phase, started, series, total, inFlightSum, Map.of());
    }

    /** Samples every second (progress bar, chart) and, when given pids, the services' memory every 10 s; returns its peak. */
    private Map<String, Long> run(LoadGenerator load, Duration length, String phase, long started, Series series, Histogram total, long[] inFlightSum,
                                  Map<String, Long> pids) {
        long end = System.nanoTime() + length.toNanos();
        long lastAccepted = load.accepted();
        Map<String, Long> memory = new LinkedHashMap<>();
        int second = 0;
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            next += TimeUnit.SECONDS.toNanos(1);
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            second++;
            Histogram interval = load.writes().getIntervalHistogram();
            total.add(interval);
            long accepted = load.accepted();
            series.seconds.add((System.currentTimeMillis() - started) / 1000.0);
            series.accepted.add((double) (accepted - lastAccepted));
            series.writeP99.add(interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(99) / 1e6);
            inFlightSum[0] += load.inFlight();
            if (!pids.isEmpty() && second % 10 == 0) {
                memory = ProcessStats.max(memory, ProcessStats.pssMebibytes(pids));
            }
            long left = Math.max(0, (end - System.nanoTime()) / 1_000_000_000L);
            int done = (int) Math.min(30, 30 * (length.toSeconds() - left) / Math.max(1, length.toSeconds()));
            out.printf(Locale.ROOT, "\r%-9s [%s%s] %3d%% %d:%02d left | %4d revisions/s (target %.0f) | write p99 %7.1f ms | errors %d | dropped ticks %d ",
                    phase, "#".repeat(done), ".".repeat(30 - done), done * 100 / 30, left / 60, left % 60, accepted - lastAccepted, options.rate(),
                    interval.getTotalCount() == 0 ? 0.0 : interval.getValueAtPercentile(99) / 1e6, load.errorCount(), load.droppedTicks());
            out.flush();
            lastAccepted = accepted;
        }
        out.println();
        return memory;
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Lags of the measured window's revisions, in microseconds, and per-second p99 for the chart. */
    record Lags(Histogram score, Histogram coverage, long measured, long withoutCommitTimes, TreeMap<Long, Histogram> scoreBySecond,
                TreeMap<Long, Histogram> coverageBySecond) {
    }

    static Lags lags(List<LoadGenerator.Accepted> ledger, LedgerQueries.Snapshot snapshot, long startedMillis) {
        Histogram score = new Histogram(3);
        Histogram coverage = new Histogram(3);
        TreeMap<Long, Histogram> scoreBySecond = new TreeMap<>();
        TreeMap<Long, Histogram> coverageBySecond = new TreeMap<>();
        long measured = 0;
        long missing = 0;
        for (LoadGenerator.Accepted accepted : ledger) {
            if (accepted.phase().equals("setup")) {
                continue;
            }
            LedgerQueries.Journey journey = snapshot.journeys().get(new Ledger.RevisionKey(accepted.storyId(), accepted.revision()));
            if (journey == null || journey.writtenAt() == null || journey.scoredAt() == null || journey.coveredAt() == null) {
                missing++;
                continue;
            }
            long bucket = (long) ((journey.writtenAt() - startedMillis) / 5000) * 5; // 5-second buckets, seconds since the load started
            long scoreMicros = Math.max(0, Math.round((journey.scoredAt() - journey.writtenAt()) * 1000));
            long coverageMicros = Math.max(0, Math.round((journey.coveredAt() - journey.writtenAt()) * 1000));
            scoreBySecond.computeIfAbsent(bucket, b -> new Histogram(3)).recordValue(scoreMicros);
            coverageBySecond.computeIfAbsent(bucket, b -> new Histogram(3)).recordValue(coverageMicros);
            if (accepted.phase().equals("measured")) {
                measured++;
                score.recordValue(scoreMicros);
                coverage.recordValue(coverageMicros);
            }
        }
        return new Lags(score, coverage, measured, missing, scoreBySecond, coverageBySecond);
    }

    // ------------------------------------------------------------------ ceilings

    record Ceilings(int recordBytes, double producer, double consumer, int pgbenchClients, double pgbench) {
    }

    private Ceilings ceilings(RunningPlatform platform, Path home, int concurrency) throws Exception {
        int recordBytes;
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), platform.databaseUser(), "")) {
            recordBytes = (int) count(c, "select coalesce(avg(length(payload)), 2500)::bigint from story.events where event_type = 'StoryRevised'");
        }
        int records = 100_000;
        RepositoryLayout layout = RepositoryLayout.locate();
        double producer = RawCeilings.producerPerformance(layout, platform.kafkaBootstrap(), "bench.ceiling", records, recordBytes);
        double consumer = RawCeilings.consumerPerformance(layout, platform.kafkaBootstrap(), "bench.ceiling", records);
        double pgbench = StoryWriteBenchmark.pgbenchRevisions(platform.postgresPort(), platform.databaseName(), home, concurrency,
                Duration.ofSeconds(30));
        out.printf(Locale.ROOT, "ProducerPerformance %,.0f records/s, ConsumerPerformance %,.0f records/s (%d bytes); pgbench revision SQL %,.0f/s (%d clients)%n",
                producer, consumer, recordBytes, pgbench, concurrency);
        return new Ceilings(recordBytes, producer, consumer, concurrency, pgbench);
    }

    // ------------------------------------------------------------------ chart

    static String chart(Series series, Lags lags, Options options) {
        double[] seconds = series.seconds.stream().mapToDouble(Double::doubleValue).toArray();
        double[] scoreSeconds = lags.scoreBySecond().keySet().stream().mapToDouble(Long::doubleValue).toArray();
        double[] scoreP99 = lags.scoreBySecond().values().stream().mapToDouble(h -> h.getValueAtPercentile(99) / 1000.0).toArray();
        double[] coverageP99 = lags.coverageBySecond().values().stream().mapToDouble(h -> h.getValueAtPercentile(99) / 1000.0).toArray();
        SvgChart.Panel throughput = new SvgChart.Panel("Revisions accepted per second", "revisions/s", false,
                List.of(new SvgChart.Series("accepted", "#0072B2", seconds, series.accepted.stream().mapToDouble(Double::doubleValue).toArray())),
                List.of(options.rate()));
        SvgChart.Panel latency = new SvgChart.Panel("p99 latency", "ms", true, List.of(
                new SvgChart.Series("write (per second)", "#0072B2", seconds, series.writeP99.stream().mapToDouble(Double::doubleValue).toArray()),
                new SvgChart.Series("revision to score (5 s)", "#E69F00", scoreSeconds, scoreP99),
                new SvgChart.Series("revision to coverage (5 s)", "#009E73", scoreSeconds, coverageP99)), List.of(50.0, 400.0, 500.0));
        return SvgChart.render("Storyloop end to end, " + LocalDate.now() + ": " + (long) options.rate() + " revisions/s offered",
                List.of(throughput, latency), List.of(new SvgChart.Mark(options.warmUp().toSeconds(), "measured window starts")));
    }
}
