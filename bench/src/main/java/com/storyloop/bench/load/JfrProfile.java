package com.storyloop.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A CPU profile of running services with the JDK's own Flight Recorder, started and dumped through {@code jcmd} so the
 * services run unchanged: where each service spends the CPU the benchmark's table charges to it.
 */
public final class JfrProfile {

    /** A service's execution samples, by the method on top of the stack and by the first Storyloop method under it. */
    public record Hotspots(long samples, Map<String, Long> topFrames, Map<String, Long> storyloopFrames) {
    }

    private JfrProfile() {
    }

    public static void start(long pid) {
        run(List.of(tool("jcmd"), Long.toString(pid), "JFR.start", "name=storyloop-bench", "settings=default"));
    }

    public static Hotspots dumpAndRead(long pid, Path file, int top) {
        try {
            run(List.of(tool("jcmd"), Long.toString(pid), "JFR.dump", "name=storyloop-bench", "filename=" + file));
            run(List.of(tool("jcmd"), Long.toString(pid), "JFR.stop", "name=storyloop-bench"));
        } catch (RuntimeException e) {
            return new Hotspots(0, Map.of("(no profile: " + e.getMessage() + ")", 0L), Map.of());
        }
        try {
            Process print = new ProcessBuilder(tool("jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", file.toString())
                    .redirectErrorStream(true).start();
            Hotspots hotspots;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(print.getInputStream(), StandardCharsets.UTF_8))) {
                hotspots = parse(lines, top);
            }
            print.waitFor(2, TimeUnit.MINUTES);
            return hotspots;
        } catch (Exception e) {
            return new Hotspots(0, Map.of("(profile unreadable: " + e.getMessage() + ")", 0L), Map.of());
        }
    }

    /** Reads {@code jfr print --events jdk.ExecutionSample} output: one stack per sample, the top frame first. */
    static Hotspots parse(BufferedReader lines, int top) throws java.io.IOException {
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, Long> storyloopFrames = new HashMap<>();
        long samples = 0;
        boolean inStack = false;
        boolean first = false;
        boolean storyloopSeen = false;
        String line;
        while ((line = lines.readLine()) != null) {
            String trimmed = line.trim();
            if (trimmed.startsWith("stackTrace = [")) {
                inStack = true;
                first = true;
                storyloopSeen = false;
                samples++;
            } else if (inStack && trimmed.startsWith("]")) {
                inStack = false;
            } else if (inStack && !trimmed.isEmpty() && !trimmed.equals("...")) {
                String method = trimmed.replaceAll("\\s+line:.*$", "");
                if (first) {
                    topFrames.merge(method, 1L, Long::sum);
                    first = false;
                }
                if (!storyloopSeen && method.startsWith("com.storyloop.")) {
                    storyloopFrames.merge(method, 1L, Long::sum);
                    storyloopSeen = true;
                }
            }
        }
        return new Hotspots(samples, top(topFrames, top), top(storyloopFrames, top));
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The JDK's own tool beside the running java, so the recorder and the services are of one JDK. */
    private static String tool(String name) {
        Path beside = Path.of(System.getProperty("java.home"), "bin", name);
        return java.nio.file.Files.isExecutable(beside) ? beside.toString() : name;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("failed or timed out");
            }
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }
}
