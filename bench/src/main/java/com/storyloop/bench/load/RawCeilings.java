package com.storyloop.bench.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.storyloop.eventing.kafka.TopicProvisioner;
import com.storyloop.runtime.RepositoryLayout;

/**
 * What the bare parts do on the same machine in the same run: Kafka's own ProducerPerformance and ConsumerPerformance,
 * and pgbench. A benchmark figure means something next to these, as a ratio.
 */
public final class RawCeilings {

    private RawCeilings() {
    }

    /** pgbench on {@code script}, {@code clients} connections for {@code window}: transactions per second. */
    public static double pgbench(int port, String user, String database, Path script, int clients, Duration window) throws Exception {
        Path pgbench = Files.isDirectory(Path.of("/usr/lib/postgresql"))
                ? Files.list(Path.of("/usr/lib/postgresql")).map(p -> p.resolve("bin/pgbench")).filter(Files::isExecutable).findFirst().orElse(null)
                : null;
        if (pgbench == null) {
            throw new IllegalStateException("pgbench not found (Debian package postgresql-15 or postgresql-contrib): it measures the raw ceiling");
        }
        script.toFile().setReadable(true, false);
        Process process = new ProcessBuilder(pgbench.toString(), "-n", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Long.toString(window.toSeconds()), "-f", script.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user, database)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Kafka's ProducerPerformance with the relay's producer settings: records per second. */
    public static double producerPerformance(RepositoryLayout layout, String bootstrap, String topic, int records, int recordBytes) throws Exception {
        TopicProvisioner.ensure(bootstrap, List.of(topic), 6, (short) 1);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", layout.kafkaLibraries() + "/*", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordBytes), "--throughput", "-1",
                "--producer-props"));
        TopicProvisioner.producerDefaults(bootstrap).forEach((k, v) -> command.add(k + "=" + v));
        String output = run(command);
        Matcher rate = Pattern.compile(records + " records sent, ([0-9.]+) records/sec").matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return Double.parseDouble(rate.group(1));
    }

    /** Kafka's ConsumerPerformance reading {@code records} from the topic's beginning: records per second. */
    public static double consumerPerformance(RepositoryLayout layout, String bootstrap, String topic, int records) throws Exception {
        String output = run(List.of(java(), "-Xmx512m", "-cp", layout.kafkaLibraries() + "/*", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", topic, "--messages", Integer.toString(records), "--timeout", "60000"));
        // a CSV header line and a value line: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String[] lines = output.strip().split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            List<String> header = Arrays.stream(lines[i].split(",")).map(String::trim).toList();
            int column = header.indexOf("nMsg.sec");
            if (column >= 0) {
                return Double.parseDouble(lines[i + 1].split(",")[column].trim());
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no summary:\n" + output);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
