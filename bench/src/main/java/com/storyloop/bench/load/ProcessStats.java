package com.storyloop.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** CPU time and memory of the platform's processes, each with its children (PostgreSQL's backends), from /proc. */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** CPU time (user + system, ms) of each process tree, including reaped children. */
    public static Map<String, Long> cpuMillis(Map<String, Long> pids) {
        Map<String, Long> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, tree(pid).map(ProcessStats::ticks).sum() * 10)); // USER_HZ is 100 on Linux
        return out;
    }

    /** Proportional set size (MiB) of each process tree: shared pages split among the processes sharing them. */
    public static Map<String, Long> pssMebibytes(Map<String, Long> pids) {
        Map<String, Long> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, tree(pid).map(ProcessStats::pssKib).sum() / 1024));
        return out;
    }

    public static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new LinkedHashMap<>();
        after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L)));
        return out;
    }

    public static Map<String, Long> max(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Math::max));
        return out;
    }

    private static Stream<Long> treeBoxed(long pid) {
        if (pid == ProcessHandle.current().pid()) { // this JVM alone: its descendants are the platform's processes, counted apart
            return Stream.of(pid);
        }
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid));
    }

    private static java.util.stream.LongStream tree(long pid) {
        return treeBoxed(pid).mapToLong(Long::longValue);
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long pssKib(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"));
            for (String line : lines) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
