package com.storyloop.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.storyloop.bench.EndToEndBenchmark.Ceilings;
import com.storyloop.bench.EndToEndBenchmark.Lags;
import com.storyloop.bench.EndToEndBenchmark.Options;
import com.storyloop.bench.load.JfrProfile;
import com.storyloop.bench.load.Ledger;
import com.storyloop.bench.load.LoadGenerator;

/** The end-to-end benchmark's section of docs/benchmarks.md: figures, targets, ceilings and where the CPU went. */
record EndToEndReport(Options options, List<String> serviceFlags, double acceptedPerSecond, long acceptedInWindow, Histogram writes, Histogram reads,
                      double readsPerSecond, long errors, Map<String, Long> errorKinds, long droppedTicks, Lags lags, Ledger.Result ledger,
                      java.util.Optional<Duration> catchUp, String rebuild, Map<String, Long> memory, Map<String, Long> cpu, double measuredSeconds, double meanInFlight,
                      Ceilings ceilings, Map<String, JfrProfile.Hotspots> profile, String loadBefore, String loadAfter) {

    String markdown(String chartPath) {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder();
        md.append("## End to end: the whole platform under load\n\n");
        md.append("Command: `./storyloop bench`").append(options.standard() ? "" : String.format(Locale.ROOT,
                " with `-Dbench.rate=%.0f -Dbench.warmup=%d -Dbench.seconds=%d -Dbench.clients=%d -Dbench.stories=%d -Dbench.coaches=%d`", options.rate(),
                options.warmUp().toSeconds(), options.window().toSeconds(), options.clients(), options.storiesPerClient(), options.coaches()));
        md.append(String.format(Locale.ROOT, ". Measured %s on %d cores with everything on them: PostgreSQL (fsync on), Kafka (KRaft, one broker), "
                        + "story-service, scoring-service, practice-session-service, coverage-service and the console (`%s`), and the load generator. ",
                LocalDate.now(), cores, String.join(" ", serviceFlags)));
        md.append(String.format(Locale.ROOT, "%,d simulated clients, %d stories each, revise through `POST /api/stories/{id}/revisions` (If-Match, a "
                        + "complete STAR text of 180-300 words each time) at %.0f revisions/s offered, open loop, round robin, at most one revision in flight "
                        + "per client; %d coaches each read one of their clients' coverage and timeline every %.0f s. %d s warm-up, then %d s measured. ",
                options.clients(), options.storiesPerClient(), options.rate(), options.coaches(), 1 / options.coachReadsPerSecond(),
                options.warmUp().toSeconds(), options.window().toSeconds()));
        md.append("Latencies come from HDR histograms. A write counts from its scheduled start, so queueing in front of a busy service is included. "
                + "Lags are differences of PostgreSQL commit timestamps (`track_commit_timestamp`), one clock: the revision's commit in the story "
                + "store, its RevisionScored's commit in the scoring store, the commit of the coverage projection's transaction that applied it.\n\n");
        md.append("| measured | result | target | |\n|---|---:|---:|---|\n");
        row(md, "revisions accepted per second (measured window)", fmt(acceptedPerSecond) + " (" + String.format(Locale.ROOT, "%,d", acceptedInWindow) + ")",
                "500/s", acceptedPerSecond >= 500 * 0.98);
        row(md, "write latency p50 / p95 / p99 / max", ms(writes, 50) + " / " + ms(writes, 95) + " / " + ms(writes, 99) + " / " + ms(writes, 100) + " ms",
                "p99 < 50 ms", writes.getTotalCount() > 0 && writes.getValueAtPercentile(99) < 50_000_000L);
        row(md, "revision to scorecard p50 / p95 / p99", us(lags.score(), 50) + " / " + us(lags.score(), 95) + " / " + us(lags.score(), 99) + " ms",
                "p99 < 400 ms", lags.measured() > 0 && lags.score().getValueAtPercentile(99) < 400_000L);
        row(md, "revision to coverage p50 / p95 / p99", us(lags.coverage(), 50) + " / " + us(lags.coverage(), 95) + " / " + us(lags.coverage(), 99) + " ms",
                "p99 < 500 ms", lags.measured() > 0 && lags.coverage().getValueAtPercentile(99) < 500_000L);
        row(md, "error responses (and failed requests)", errors + (errorKinds.isEmpty() ? "" : " " + errorKinds), "0", errors == 0);
        md.append(String.format(Locale.ROOT, "| revisions not offered: the client still owed %d | %,d | | |%n", LoadGenerator.CLIENT_BACKLOG, droppedTicks));
        md.append(String.format(Locale.ROOT, "| coach reads per second, p50 / p99 | %s, %s / %s ms | | |%n", fmt(readsPerSecond), ms(reads, 50), ms(reads, 99)));
        row(md, "ledger: accepted, stored, scored; lost; duplicated", String.format(Locale.ROOT, "%,d, %,d, %,d; %d; %d", ledger.accepted(), ledger.stored(),
                ledger.scored(), ledger.lost(), ledger.duplicated()), "0 lost, 0 duplicated", ledger.clean());
        md.append(String.format(Locale.ROOT, "| from load stopped to every revision scored and in coverage | %s | | |%n",
                catchUp.map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)).orElse("**not within 15 min**: the ledger below counts what had not arrived as lost")));
        md.append(String.format(Locale.ROOT, "| rebuild of coverage-principles, live | %s events/s (%,d events, switch %d ms) | | |%n",
                fmt(number(rebuild, "eventsPerSecond")), (long) number(rebuild, "eventsRead"), (long) number(rebuild, "switchPauseMillis")));
        if (!ledger.problems().isEmpty()) {
            md.append("\nLedger problems (first ").append(ledger.problems().size()).append("): ").append(String.join("; ", ledger.problems())).append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nLags cover the %,d revisions of the measured window%s.%n", lags.measured(),
                lags.withoutCommitTimes() == 0 ? "" : " (" + lags.withoutCommitTimes() + " revisions of the run had no commit time yet and are left out)"));

        md.append("\n![Accepted revisions per second and p99 latencies over the run](").append(chartPath).append(")\n");

        md.append("\n### Raw ceilings in the same run\n\n| measured | per second | raw ceiling on the same machine | per second | ratio |\n|---|---:|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| revisions accepted | %s | pgbench running one revision's SQL (read the stream, insert the event, upsert the summary), "
                        + "%d clients (the writes' mean concurrency at the database, at most the service's 24 connections) | %s | %s |%n", fmt(acceptedPerSecond), ceilings.pgbenchClients(), fmt(ceilings.pgbench()),
                pct(acceptedPerSecond, ceilings.pgbench())));
        md.append(String.format(Locale.ROOT, "| story events published (one per revision) | %s | Kafka ProducerPerformance, %,d-byte records, the relay's producer settings "
                + "| %s | %s |%n", fmt(acceptedPerSecond), ceilings.recordBytes(), fmt(ceilings.producer()), pct(acceptedPerSecond, ceilings.producer())));
        md.append(String.format(Locale.ROOT, "| story events consumed (scoring, coverage, practice) | %s | Kafka ConsumerPerformance, the same records | %s | %s |%n",
                fmt(acceptedPerSecond), fmt(ceilings.consumer()), pct(acceptedPerSecond, ceilings.consumer())));

        md.append("\n### Where the cores went in the measured window\n\n| component | CPU seconds | share of the cores | CPU ms per accepted revision "
                + "| memory, peak PSS (MiB) |\n|---|---:|---:|---:|---:|\n");
        double available = measuredSeconds * 1000 * cores;
        long total = cpu.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> entry : cpu.entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f%% | %.2f | %s |%n", entry.getKey(), entry.getValue() / 1000.0, 100.0 * entry.getValue() / available,
                    entry.getValue() / (double) Math.max(1, acceptedInWindow), memory.containsKey(entry.getKey()) ? memory.get(entry.getKey()).toString() : ""));
        }
        double perRevision = total / (double) Math.max(1, acceptedInWindow);
        md.append(String.format(Locale.ROOT, "| **all** | %.1f | %.0f%% | %.2f | %d |%n", total / 1000.0, 100.0 * total / available, perRevision,
                memory.values().stream().mapToLong(Long::longValue).sum()));
        md.append(String.format(Locale.ROOT, "%nOn %d cores the platform can do at most %.0f revisions/s at %.2f CPU ms each (%d x 1000 / %.2f), "
                        + "before any queueing. Load average (1/5/15 min) %s before the run, %s after.%n", cores, cores * 1000 / perRevision, perRevision, cores,
                perRevision, loadBefore, loadAfter));
        if (!profile.isEmpty()) {
            md.append("\n### Profile: the last 60 s of the measured window (JFR execution samples, `jcmd JFR.start settings=default`, one sample per thread every 20 ms)\n\n");
            md.append("Per service: the methods most often on top of the stack, and the Storyloop method closest to the top (the code that asked for "
                    + "the work). Shares are of that service's samples.\n\n| service | samples | top of stack | nearest Storyloop method |\n|---|---:|---|---|\n");
            profile.forEach((service, hotspots) -> md.append("| ").append(service).append(" | ").append(hotspots.samples()).append(" | ")
                    .append(shares(hotspots.topFrames(), hotspots.samples())).append(" | ").append(shares(hotspots.storyloopFrames(), hotspots.samples()))
                    .append(" |\n"));
        }
        return md.toString();
    }

    private static String shares(Map<String, Long> frames, long samples) {
        StringBuilder text = new StringBuilder();
        frames.forEach((method, count) -> text.append(text.length() == 0 ? "" : "<br>").append(String.format(Locale.ROOT, "%.0f%% `%s`",
                100.0 * count / Math.max(1, samples), method.replace("|", "\\|"))));
        return text.toString();
    }

    private static void row(StringBuilder md, String what, String result, String target, boolean met) {
        md.append("| ").append(what).append(" | ").append(result).append(" | ").append(target).append(" | ").append(met ? "met" : "**missed**").append(" |\n");
    }

    static String ms(Histogram nanos, double percentile) {
        return nanos.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f",
                (percentile >= 100 ? nanos.getMaxValue() : nanos.getValueAtPercentile(percentile)) / 1e6);
    }

    static String us(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", micros.getValueAtPercentile(percentile) / 1e3);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String pct(double value, double ceiling) {
        return ceiling <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * value / ceiling);
    }

    /** A number field of the rebuild's JSON progress. */
    static double number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9.]+)").matcher(json == null ? "" : json);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
