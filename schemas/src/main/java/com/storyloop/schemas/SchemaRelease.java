package com.storyloop.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Releases the current event schemas: for every event whose parsing canonical form differs from its
 * latest released version (or that was never released), writes {@code history/<Name>/v<N+1>.avsc}
 * and adds its line to {@code history/SHA256SUMS}. Released files are never rewritten. Refuses to
 * release a schema that breaks a house rule ({@link SchemaRules}) or FULL compatibility with any
 * released version ({@link CompatibilityChecker}).
 *
 * <p>Run from the repository root: {@code ./mvnw -q -f schemas/pom.xml compile exec:java@release}
 * (argument: the schemas module directory).
 */
public final class SchemaRelease {

  private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

  private SchemaRelease() {}

  public static void main(String[] args) {
    Path moduleDir = Path.of(args.length > 0 ? args[0] : "schemas").toAbsolutePath().normalize();
    List<String> written = release(moduleDir.resolve("src/main/avro"), moduleDir.resolve("history"));
    if (written.isEmpty()) {
      System.out.println("SchemaRelease: nothing to release, every event schema matches its latest released version.");
    } else {
      System.out.println("SchemaRelease: released " + written.size() + " schema version(s) into "
          + moduleDir.resolve("history") + ":");
      written.forEach(path -> System.out.println("  " + path));
      System.out.println("Commit them with their golden samples (mvn test -Dgolden.write=true writes the missing ones).");
    }
  }

  /**
   * Releases every changed or new event schema of the sources into the history folder.
   *
   * @return the history paths written, relative to the history folder
   * @throws IllegalStateException when a schema may not be released; nothing is written then
   */
  public static List<String> release(Path avroDir, Path historyDir) {
    Map<String, Schema> sources = SchemaSources.events(avroDir);
    checkGeneratedClassesMatch(sources);
    Map<String, List<Schema>> history = readHistory(historyDir);

    Map<String, Schema> toRelease = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Schema> entry : sources.entrySet()) {
      String name = entry.getKey();
      Schema current = entry.getValue();
      List<Schema> versions = history.getOrDefault(name, List.of());
      if (!versions.isEmpty() && canonical(versions.get(versions.size() - 1)).equals(canonical(current))) {
        continue;
      }
      SchemaRules.violations(current).forEach(v -> problems.add(name + ": rule broken: " + v));
      for (int i = 0; i < versions.size(); i++) {
        List<CompatibilityChecker.Incompatibility> breaks =
            CompatibilityChecker.fullIncompatibilities(current, versions.get(i));
        if (!breaks.isEmpty()) {
          problems.add(CompatibilityChecker.describe(name, i + 1, breaks));
        }
      }
      toRelease.put(name, current);
    }
    for (String released : history.keySet()) {
      if (!sources.containsKey(released)) {
        problems.add(released + " was released but has no source any more: released events can never be removed"
            + " (their events stay in the log forever)");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("SchemaRelease refused, nothing written:\n" + String.join("\n", problems));
    }

    List<String> written = new ArrayList<>();
    try {
      Files.createDirectories(historyDir);
      for (Map.Entry<String, Schema> entry : toRelease.entrySet()) {
        int version = history.getOrDefault(entry.getKey(), List.of()).size() + 1;
        String relative = entry.getKey() + "/v" + version + ".avsc";
        Path file = historyDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.getValue().toString(true) + "\n", StandardCharsets.UTF_8);
        written.add(relative);
      }
      if (!written.isEmpty()) {
        appendChecksums(historyDir, written);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the release into " + historyDir, e);
    }
    return written;
  }

  /** The lowercase hex SHA-256 of a file, as {@code sha256sum} prints it. */
  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void appendChecksums(Path historyDir, List<String> written) throws IOException {
    Path sums = historyDir.resolve(EventCatalog.CHECKSUMS_FILE);
    Map<String, String> lines = new TreeMap<>(SchemaRelease::comparePaths);
    if (Files.exists(sums)) {
      for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.put(EventCatalog.checksumLinePath(line), line); // existing lines are kept verbatim
        }
      }
    }
    for (String relative : written) {
      lines.put(relative, sha256(historyDir.resolve(relative)) + "  " + relative);
    }
    Files.writeString(sums, String.join("\n", lines.values()) + "\n", StandardCharsets.UTF_8);
  }

  /** Orders {@code Name/vN.avsc} by name, then numerically by version. */
  static int comparePaths(String a, String b) {
    return Comparator.comparing((String p) -> p.substring(0, p.indexOf('/')))
        .thenComparingInt(p -> {
          Matcher m = VERSION_FILE.matcher(p.substring(p.indexOf('/') + 1));
          return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
        })
        .thenComparing(p -> p)
        .compare(a, b);
  }

  /** The released versions in a history folder, by event, v1 first; gaps are an error. */
  static Map<String, List<Schema>> readHistory(Path historyDir) {
    Map<String, List<Schema>> history = new TreeMap<>();
    if (!Files.isDirectory(historyDir)) {
      return history;
    }
    try (var events = Files.list(historyDir)) {
      for (Path eventDir : events.filter(Files::isDirectory).sorted().toList()) {
        Set<Integer> numbers = new TreeSet<>();
        try (var files = Files.list(eventDir)) {
          for (Path file : files.toList()) {
            Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
            if (!m.matches()) {
              throw new IllegalStateException("unexpected file in the history: " + file);
            }
            numbers.add(Integer.parseInt(m.group(1)));
          }
        }
        List<Schema> versions = new ArrayList<>();
        int expected = 1;
        for (int number : numbers) {
          if (number != expected) {
            throw new IllegalStateException(eventDir + ": versions must be v1..vN without gaps, v" + expected + " is missing");
          }
          versions.add(EventCatalog.parseFile(eventDir.resolve("v" + number + ".avsc")));
          expected++;
        }
        history.put(eventDir.getFileName().toString(), versions);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the history folder " + historyDir, e);
    }
    return history;
  }

  private static void checkGeneratedClassesMatch(Map<String, Schema> sources) {
    Map<String, Schema> generated = new TreeMap<>();
    for (Class<? extends SpecificRecord> type : EventCatalog.eventClasses()) {
      Schema schema = SpecificData.get().getSchema(type);
      generated.put(schema.getName(), schema);
    }
    if (!generated.keySet().equals(sources.keySet())) {
      Set<String> unregistered = new TreeSet<>(sources.keySet());
      unregistered.removeAll(generated.keySet());
      Set<String> sourceless = new TreeSet<>(generated.keySet());
      sourceless.removeAll(sources.keySet());
      throw new IllegalStateException("event sources and EventCatalog's event classes differ: without a registered class "
          + unregistered + " (add them to EventCatalog.EVENT_CLASSES), without a source " + sourceless);
    }
    for (Map.Entry<String, Schema> entry : sources.entrySet()) {
      if (!canonical(entry.getValue()).equals(canonical(generated.get(entry.getKey())))) {
        throw new IllegalStateException("the generated class of " + entry.getKey()
            + " does not match its .avsc source: compile first (./mvnw -q -f schemas/pom.xml compile exec:java@release)");
      }
    }
  }

  static String canonical(Schema schema) {
    return SchemaNormalization.toParsingForm(schema);
  }
}
