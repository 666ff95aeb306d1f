package com.storyloop.schemas;

import com.storyloop.events.content.ExampleStoryPublished;
import com.storyloop.events.content.QuestionPublished;
import com.storyloop.events.content.RubricPublished;
import com.storyloop.events.practice.AnswerGiven;
import com.storyloop.events.practice.AnswerRated;
import com.storyloop.events.practice.LoopCompleted;
import com.storyloop.events.practice.LoopPlanned;
import com.storyloop.events.practice.ProbeAsked;
import com.storyloop.events.practice.QuestionAsked;
import com.storyloop.events.scoring.CoachScored;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.scoring.RubricAdopted;
import com.storyloop.events.story.CoachAssigned;
import com.storyloop.events.story.DeepDiveAttached;
import com.storyloop.events.story.InterviewDateSet;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRestored;
import com.storyloop.events.story.StoryRetired;
import com.storyloop.events.story.StoryRevised;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event schema this process knows, indexed by fingerprint: each released version (from the
 * jar, {@code storyloop/schema-history/<EventName>/v<N>.avsc}, listed in
 * {@code storyloop/schema-history/SHA256SUMS}), the current generated classes' schemas, and
 * optionally extra {@code .avsc} files from a directory, so a reader deployed earlier can learn
 * the writer schemas of newer producers without a redeploy.
 *
 * <p>The fingerprint is the CRC-64-AVRO fingerprint of the schema's parsing canonical form
 * ({@link SchemaNormalization#parsingFingerprint64(Schema)}), as in Avro single-object encoding.
 * Immutable and thread-safe.
 */
public final class EventCatalog {

  /** Classpath folder of the released versions. */
  public static final String HISTORY_RESOURCE_ROOT = "storyloop/schema-history/";

  /** Name of the checksum file that lists (and so indexes) every released version. */
  public static final String CHECKSUMS_FILE = "SHA256SUMS";

  /**
   * The current event types. A new event needs its {@code .avsc} under {@code src/main/avro/<context>/}
   * and its generated class here; {@code SchemaRelease} and the tests check both agree.
   */
  private static final List<Class<? extends SpecificRecord>> EVENT_CLASSES = List.of(
      // story context
      StoryBankOpened.class, InterviewDateSet.class, CoachAssigned.class, StoryDrafted.class,
      StoryRevised.class, PrinciplesClaimed.class, DeepDiveAttached.class, StoryRetired.class,
      StoryRestored.class,
      // scoring context
      RevisionScored.class, CoachScored.class, RubricAdopted.class,
      // practice context
      LoopPlanned.class, QuestionAsked.class, AnswerGiven.class, ProbeAsked.class,
      AnswerRated.class, LoopCompleted.class,
      // content context
      QuestionPublished.class, RubricPublished.class, ExampleStoryPublished.class);

  private static final Pattern HISTORY_PATH = Pattern.compile("([A-Za-z][A-Za-z0-9]*)/v([1-9][0-9]*)\\.avsc");

  static {
    AvroTrust.ensureEventPackagesTrusted();
  }

  private final Map<String, Class<? extends SpecificRecord>> classesBySimpleName;
  private final Map<String, Class<? extends SpecificRecord>> classesByFullName;
  private final Map<String, Schema> currentSchemas;
  private final Map<String, List<ReleasedSchema>> released;
  private final Map<Long, Schema> byFingerprint;

  /** The catalog of the jar: released history plus the current classes. */
  public EventCatalog() {
    this(null);
  }

  /**
   * The catalog of the jar plus every {@code *.avsc} file found (recursively) under
   * {@code extraSchemaDir}; each file holds one self-contained event schema, for example a copy of
   * a newer release's {@code history/} folder. A null directory adds nothing; a missing one is an
   * error.
   */
  public EventCatalog(Path extraSchemaDir) {
    Map<String, Class<? extends SpecificRecord>> bySimple = new TreeMap<>();
    Map<String, Class<? extends SpecificRecord>> byFull = new HashMap<>();
    Map<String, Schema> current = new TreeMap<>();
    for (Class<? extends SpecificRecord> type : EVENT_CLASSES) {
      Schema schema = SpecificData.get().getSchema(type);
      Class<? extends SpecificRecord> clash = bySimple.put(schema.getName(), type);
      if (clash != null) {
        throw new IllegalStateException("two event types share the simple name " + schema.getName()
            + ": " + clash.getName() + " and " + type.getName());
      }
      byFull.put(schema.getFullName(), type);
      for (String alias : schema.getAliases()) {
        byFull.putIfAbsent(alias, type);
      }
      current.put(schema.getName(), schema);
    }
    this.classesBySimpleName = Collections.unmodifiableMap(bySimple);
    this.classesByFullName = Collections.unmodifiableMap(byFull);
    this.currentSchemas = Collections.unmodifiableMap(current);

    Map<Long, Schema> fingerprints = new HashMap<>();
    Map<Long, String> canonicalForms = new HashMap<>();
    List<ReleasedSchema> history = loadHistoryFromClasspath();
    Map<String, List<ReleasedSchema>> releasedByName = new TreeMap<>();
    for (ReleasedSchema version : history) {
      register(version.schema(), HISTORY_RESOURCE_ROOT + version.relativePath(), fingerprints, canonicalForms);
      releasedByName.computeIfAbsent(version.eventType(), k -> new ArrayList<>()).add(version);
    }
    releasedByName.replaceAll((name, versions) -> {
      versions.sort(Comparator.comparingInt(ReleasedSchema::version));
      return List.copyOf(versions);
    });
    this.released = Collections.unmodifiableMap(releasedByName);
    for (Schema schema : current.values()) {
      register(schema, "generated class " + schema.getFullName(), fingerprints, canonicalForms);
    }
    if (extraSchemaDir != null) {
      for (Path file : avscFilesUnder(extraSchemaDir)) {
        register(parseFile(file), file.toString(), fingerprints, canonicalForms);
      }
    }
    this.byFingerprint = Collections.unmodifiableMap(fingerprints);
  }

  /** A shared catalog of the jar (no extra directory), created on first use. */
  public static EventCatalog standard() {
    return Standard.INSTANCE;
  }

  private static final class Standard {
    static final EventCatalog INSTANCE = new EventCatalog();
  }

  /** CRC-64-AVRO fingerprint of the parsing canonical form of {@code schema}. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** Simple names of the current event types, sorted, e.g. {@code [AnswerGiven, AnswerRated, ...]}. */
  public List<String> eventTypes() {
    return List.copyOf(classesBySimpleName.keySet());
  }

  /** The generated class of a current event type, by simple name. */
  public Optional<Class<? extends SpecificRecord>> eventClass(String simpleName) {
    return Optional.ofNullable(classesBySimpleName.get(simpleName));
  }

  /**
   * The current generated class that reads events written with {@code writerSchema}: the class of
   * the same full name, or the one that lists that name among its aliases.
   */
  public Optional<Class<? extends SpecificRecord>> eventClassFor(Schema writerSchema) {
    return Optional.ofNullable(classesByFullName.get(writerSchema.getFullName()));
  }

  /** The current schema of an event type (the generated class's schema). */
  public Schema currentSchema(String simpleName) {
    Schema schema = currentSchemas.get(simpleName);
    if (schema == null) {
      throw new IllegalArgumentException("no current event type named " + simpleName + "; known: " + eventTypes());
    }
    return schema;
  }

  /** The released versions of an event type, oldest (v1) first; empty when never released. */
  public List<ReleasedSchema> releasedVersions(String simpleName) {
    return released.getOrDefault(simpleName, List.of());
  }

  /** Every released version of every event type found in the jar, by event type. */
  public Map<String, List<ReleasedSchema>> releasedVersions() {
    return released;
  }

  /** The writer schema with this fingerprint, if this catalog knows it. */
  public Optional<Schema> schemaByFingerprint(long fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  /** Every distinct schema known (released, current and extra), by fingerprint. */
  public Map<Long, Schema> knownSchemas() {
    return byFingerprint;
  }

  private static void register(Schema schema, String origin, Map<Long, Schema> fingerprints, Map<Long, String> canonicalForms) {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalStateException(origin + " is not an event schema: expected a record, got " + schema.getType());
    }
    String canonical = SchemaNormalization.toParsingForm(schema);
    long fingerprint = SchemaNormalization.fingerprint64(canonical.getBytes(StandardCharsets.UTF_8));
    String known = canonicalForms.putIfAbsent(fingerprint, canonical);
    if (known == null) {
      fingerprints.put(fingerprint, schema);
    } else if (!known.equals(canonical)) {
      throw new IllegalStateException(String.format(
          "fingerprint collision: %s has fingerprint 0x%016x like a different schema already in the catalog",
          origin, fingerprint));
    }
  }

  private static List<ReleasedSchema> loadHistoryFromClasspath() {
    ClassLoader loader = EventCatalog.class.getClassLoader();
    List<ReleasedSchema> versions = new ArrayList<>();
    try (InputStream sums = loader.getResourceAsStream(HISTORY_RESOURCE_ROOT + CHECKSUMS_FILE)) {
      if (sums == null) {
        return versions; // nothing released yet
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(sums, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String relative = checksumLinePath(line);
        Matcher m = HISTORY_PATH.matcher(relative);
        if (!m.matches()) {
          throw new IllegalStateException("unexpected entry in " + CHECKSUMS_FILE + ": " + line);
        }
        String resource = HISTORY_RESOURCE_ROOT + relative;
        Schema schema;
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException(CHECKSUMS_FILE + " lists " + relative + " but the jar has no " + resource);
          }
          schema = parse(in);
        }
        if (!schema.getName().equals(m.group(1))) {
          throw new IllegalStateException(resource + " holds " + schema.getName() + ", not " + m.group(1));
        }
        versions.add(new ReleasedSchema(m.group(1), Integer.parseInt(m.group(2)), schema, fingerprint(schema)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the released schemas from the classpath", e);
    }
    return versions;
  }

  /** The path part of a {@code sha256sum} line: {@code <64 hex><space><space or *><path>}. */
  static String checksumLinePath(String line) {
    if (line.length() < 67 || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*')) {
      throw new IllegalStateException("malformed " + CHECKSUMS_FILE + " line: " + line);
    }
    return line.substring(66).trim();
  }

  static Schema parse(InputStream in) throws IOException {
    SchemaParser parser = new SchemaParser();
    return parser.resolve(parser.parse(in, StandardCharsets.UTF_8));
  }

  static Schema parseFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("invalid schema file " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> avscFilesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("extra schema directory " + dir + " does not exist");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".avsc") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** For tools: the current event classes, in declaration order. */
  static List<Class<? extends SpecificRecord>> eventClasses() {
    return EVENT_CLASSES;
  }

  /** For tools: current event types grouped by Avro namespace, in declaration order. */
  static Map<String, List<String>> eventTypesByNamespace() {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (Class<? extends SpecificRecord> type : EVENT_CLASSES) {
      Schema schema = SpecificData.get().getSchema(type);
      grouped.computeIfAbsent(schema.getNamespace(), k -> new ArrayList<>()).add(schema.getName());
    }
    return grouped;
  }
}
