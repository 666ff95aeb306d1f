package com.storyloop.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * The catalog's house rules (architecture.md, section 2) for an event schema:
 * <ul>
 *   <li>the event is a record named in past tense without version or Java class name, with a field
 *       {@code metadata} of type {@code com.storyloop.events.EventMetadata};</li>
 *   <li>every enum has the symbol {@code UNKNOWN} and {@code "default": "UNKNOWN"};</li>
 *   <li>every union with null has null first, and a field of such a union has {@code "default": null};</li>
 *   <li>every record, field and enum has a doc string: they are the integrators' contract;</li>
 *   <li>no Java-specific properties ({@code java-class}, {@code java-key-class}).</li>
 * </ul>
 */
public final class SchemaRules {

  public static final String METADATA_FIELD = "metadata";
  public static final String METADATA_TYPE = "com.storyloop.events.EventMetadata";
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z]*");

  private SchemaRules() {}

  /** Every rule the event schema breaks, as readable lines naming the place; empty when none. */
  public static List<String> violations(Schema event) {
    List<String> found = new ArrayList<>();
    String name = event.getName();
    if (event.getType() != Schema.Type.RECORD) {
      found.add(name + ": an event must be a record, not " + event.getType());
      return found;
    }
    Schema.Field metadata = event.getField(METADATA_FIELD);
    if (metadata == null) {
      found.add(name + ": has no field `metadata` (every event embeds " + METADATA_TYPE + ")");
    } else if (metadata.schema().getType() != Schema.Type.RECORD
        || !metadata.schema().getFullName().equals(METADATA_TYPE)) {
      found.add(name + ".metadata: must be of type " + METADATA_TYPE + ", is " + metadata.schema());
    }
    walk(event, name, new HashSet<>(), found);
    return found;
  }

  private static void walk(Schema schema, String path, Set<String> seen, List<String> found) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema.getFullName())) {
          return;
        }
        checkNamed(schema, path, found);
        for (Schema.Field field : schema.getFields()) {
          String fieldPath = path + "." + field.name();
          if (isBlank(field.doc())) {
            found.add(fieldPath + ": field has no doc");
          }
          Schema type = field.schema();
          if (type.getType() == Schema.Type.UNION && type.isNullable()) {
            boolean nullDefault = field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE;
            if (!nullDefault) {
              found.add(fieldPath + ": optional field must have \"default\": null");
            }
          }
          walk(type, fieldPath, seen, found);
        }
      }
      case ENUM -> {
        if (!seen.add(schema.getFullName())) {
          return;
        }
        checkNamed(schema, path, found);
        if (!schema.hasEnumSymbol("UNKNOWN") || !"UNKNOWN".equals(schema.getEnumDefault())) {
          found.add(path + " (enum " + schema.getName() + "): must have the symbol UNKNOWN and \"default\": \"UNKNOWN\"");
        }
      }
      case UNION -> {
        List<Schema> branches = schema.getTypes();
        boolean hasNull = branches.stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
        if (hasNull && branches.get(0).getType() != Schema.Type.NULL) {
          found.add(path + ": a union with null must list null first, is " + schema);
        }
        for (Schema branch : branches) {
          walk(branch, path, seen, found);
        }
      }
      case ARRAY -> walk(schema.getElementType(), path + "[]", seen, found);
      case MAP -> walk(schema.getValueType(), path + "{}", seen, found);
      default -> {
        if (schema.getProp("java-class") != null || schema.getProp("java-key-class") != null) {
          found.add(path + ": Java-specific properties (java-class) are not allowed in the catalog");
        }
      }
    }
  }

  private static void checkNamed(Schema schema, String path, List<String> found) {
    if (!TYPE_NAME.matcher(schema.getName()).matches()) {
      found.add(path + ": type name " + schema.getName() + " must be letters only (no version, no Java class name)");
    }
    if (isBlank(schema.getDoc())) {
      found.add(path + ": type " + schema.getName() + " has no doc");
    }
    if (schema.getProp("java-class") != null) {
      found.add(path + ": Java-specific properties (java-class) are not allowed in the catalog");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
