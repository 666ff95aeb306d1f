package com.storyloop.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * Reads the event schemas from the {@code .avsc} sources ({@code src/main/avro}): shared types in
 * {@code common/}, one event per file in the context folders. Unlike the generated classes'
 * schemas, these carry no Java-specific properties, so they are what gets released.
 */
final class SchemaSources {

  static final String COMMON_DIR = "common";

  private SchemaSources() {}

  /** The event schemas of the sources, by simple name. */
  static Map<String, Schema> events(Path avroDir) {
    if (!Files.isDirectory(avroDir)) {
      throw new IllegalArgumentException("no schema sources at " + avroDir);
    }
    SchemaParser parser = new SchemaParser();
    Path common = avroDir.resolve(COMMON_DIR);
    List<Path> eventFiles = new ArrayList<>();
    for (Path file : avscFiles(avroDir)) {
      if (file.startsWith(common)) {
        parse(parser, file);
      } else {
        eventFiles.add(file);
      }
    }
    Map<Path, SchemaParser.ParseResult> parsed = new TreeMap<>();
    for (Path file : eventFiles) {
      parsed.put(file, parse(parser, file));
    }
    Map<String, Schema> events = new TreeMap<>();
    parsed.forEach((file, result) -> {
      Schema event = parser.resolve(result);
      String expected = file.getFileName().toString().replaceFirst("\\.avsc$", "");
      if (!event.getName().equals(expected)) {
        throw new IllegalStateException(file + " defines " + event.getName() + "; an event file must be named after its event");
      }
      if (events.put(event.getName(), event) != null) {
        throw new IllegalStateException("two event files define " + event.getName());
      }
    });
    return events;
  }

  private static SchemaParser.ParseResult parse(SchemaParser parser, Path file) {
    try {
      return parser.parse(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("invalid schema " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> avscFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".avsc") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
