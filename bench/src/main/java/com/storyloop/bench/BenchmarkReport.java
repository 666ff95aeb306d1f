package com.storyloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one benchmark's section into docs/benchmarks.md between its markers, leaving other sections alone. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static void writeSection(Path file, String name, String markdown) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String section = start + "\n" + markdown.strip() + "\n" + end;
        String current = Files.exists(file) ? Files.readString(file)
                : "# Benchmarks\n\nEvery figure here is written by the command named in its section; rerun it to check.\n";
        int from = current.indexOf(start);
        int to = current.indexOf(end);
        String updated = from >= 0 && to > from
                ? current.substring(0, from) + section + current.substring(to + end.length())
                : current.stripTrailing() + "\n\n" + section + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, updated);
    }
}
