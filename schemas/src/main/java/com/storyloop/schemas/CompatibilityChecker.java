package com.storyloop.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * FULL compatibility between a current event schema and a released version, with Avro's own
 * {@link SchemaCompatibility}: the current schema must read data written with the released one
 * (backward) and the released one must read data written with the current one (forward). Checked
 * against every released version, this is FULL_TRANSITIVE. Used by the build's compatibility test
 * and by {@link SchemaRelease}.
 */
public final class CompatibilityChecker {

  /** Which way a read fails. */
  public enum Direction {
    /** Readers on the current schema cannot read events written with the released version. */
    BACKWARD("the current schema cannot read events written with the released version"),
    /** Readers on the released version cannot read events written with the current schema. */
    FORWARD("readers on the released version cannot read events written with the current schema");

    private final String meaning;

    Direction(String meaning) {
      this.meaning = meaning;
    }

    public String meaning() {
      return meaning;
    }
  }

  /** One reason two schemas are not FULL compatible. */
  public record Incompatibility(Direction direction, SchemaIncompatibilityType type, String location, String message) {
    @Override
    public String toString() {
      return direction.meaning() + ": " + type + " at " + location + " (" + message + ")";
    }
  }

  private CompatibilityChecker() {}

  /** Everything that breaks FULL compatibility between the two schemas; empty when compatible. */
  public static List<Incompatibility> fullIncompatibilities(Schema current, Schema released) {
    List<Incompatibility> found = new ArrayList<>();
    collect(Direction.BACKWARD, current, released, found);
    collect(Direction.FORWARD, released, current, found);
    return found;
  }

  /** A readable report of the breaks between {@code current} and one released version, for build output. */
  public static String describe(String eventType, int version, List<Incompatibility> incompatibilities) {
    StringBuilder report = new StringBuilder()
        .append(eventType).append(": the current schema is not FULL compatible with released v").append(version)
        .append(" (history/").append(eventType).append("/v").append(version).append(".avsc):");
    for (Incompatibility incompatibility : incompatibilities) {
      report.append("\n  - ").append(incompatibility);
    }
    report.append("\n  Rules: new fields need a default, optional = [\"null\", T] with default null, renames only"
        + " through aliases, enums need default UNKNOWN; a breaking change needs a new event name.");
    return report.toString();
  }

  private static void collect(Direction direction, Schema reader, Schema writer, List<Incompatibility> found) {
    SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
      found.add(new Incompatibility(direction, i.getType(), i.getLocation(), i.getMessage()));
    }
  }
}
