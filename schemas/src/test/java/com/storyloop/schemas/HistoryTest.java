package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Released schema versions are frozen, complete and up to date. */
class HistoryTest {

  static final Path HISTORY = Path.of("history");
  private static final String RELEASE_COMMAND = "./mvnw -q -f schemas/pom.xml compile exec:java@release";
  private static final EventCatalog CATALOG = EventCatalog.standard();

  @Test
  void everyReleasedFileMatchesItsChecksum() throws IOException {
    Map<String, String> sums = checksums();
    assertThat(sums).as("history/SHA256SUMS lists the released versions").isNotEmpty();

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> entry : sums.entrySet()) {
      Path file = HISTORY.resolve(entry.getKey());
      if (!Files.isRegularFile(file)) {
        problems.add("history/" + entry.getKey() + " is listed in SHA256SUMS but missing: released versions are never deleted");
      } else if (!SchemaRelease.sha256(file).equals(entry.getValue())) {
        problems.add("history/" + entry.getKey() + " changed after its release: released schemas are frozen."
            + " Restore it from git and change the schema in src/main/avro instead, then run " + RELEASE_COMMAND);
      }
    }
    assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyFileInTheHistoryIsListedInTheChecksums() throws IOException {
    Map<String, String> sums = checksums();
    List<String> unlisted;
    try (Stream<Path> files = Files.walk(HISTORY)) {
      unlisted = files.filter(Files::isRegularFile)
          .map(p -> HISTORY.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(EventCatalog.CHECKSUMS_FILE))
          .filter(p -> !sums.containsKey(p))
          .sorted()
          .toList();
    }
    assertThat(unlisted)
        .withFailMessage(() -> "files in history/ that SHA256SUMS does not list (write history only through "
            + RELEASE_COMMAND + "): " + unlisted)
        .isEmpty();
  }

  @Test
  void everyCurrentEventHasAReleasedVersion() {
    List<String> unreleased = CATALOG.eventTypes().stream()
        .filter(name -> CATALOG.releasedVersions(name).isEmpty())
        .toList();

    assertThat(unreleased)
        .withFailMessage(() -> "events without a released version: " + unreleased + ". Run SchemaRelease ("
            + RELEASE_COMMAND + ") and commit history/ and the golden samples.")
        .isEmpty();
  }

  @Test
  void everyChangedSchemaIsReleased() {
    List<String> stale = new ArrayList<>();
    for (String name : CATALOG.eventTypes()) {
      List<ReleasedSchema> versions = CATALOG.releasedVersions(name);
      if (versions.isEmpty()) {
        continue; // reported by everyCurrentEventHasAReleasedVersion
      }
      ReleasedSchema latest = versions.get(versions.size() - 1);
      if (latest.fingerprint() != EventCatalog.fingerprint(CATALOG.currentSchema(name))) {
        stale.add(name + " changed since its latest release v" + latest.version());
      }
    }
    assertThat(stale)
        .withFailMessage(() -> String.join("\n", stale) + "\nRun SchemaRelease (" + RELEASE_COMMAND
            + ") so every schema a producer can write is in the history, and commit history/ and the golden samples.")
        .isEmpty();
  }

  @Test
  void releasedEventsAreNeverRemoved() {
    assertThat(CATALOG.eventTypes())
        .as("every released event keeps a current type, because its events stay in the log forever")
        .containsAll(CATALOG.releasedVersions().keySet());
  }

  @Test
  void theJarCarriesExactlyTheHistoryFolder() {
    Map<String, List<Schema>> onDisk = SchemaRelease.readHistory(HISTORY);

    assertThat(CATALOG.releasedVersions().keySet()).isEqualTo(onDisk.keySet());
    onDisk.forEach((name, versions) -> {
      List<ReleasedSchema> inJar = CATALOG.releasedVersions(name);
      assertThat(inJar).extracting(ReleasedSchema::version)
          .as("released versions of %s in the jar", name)
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
      for (int i = 0; i < versions.size(); i++) {
        assertThat(inJar.get(i).fingerprint()).isEqualTo(EventCatalog.fingerprint(versions.get(i)));
        assertThat(inJar.get(i).schema().getName()).isEqualTo(name);
      }
    });
  }

  /** The path and hash of every line of history/SHA256SUMS. */
  static Map<String, String> checksums() throws IOException {
    Path file = HISTORY.resolve(EventCatalog.CHECKSUMS_FILE);
    if (!Files.exists(file)) {
      fail("history/SHA256SUMS is missing: run " + RELEASE_COMMAND);
    }
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        sums.put(EventCatalog.checksumLinePath(line), line.substring(0, 64));
      }
    }
    return sums;
  }
}
