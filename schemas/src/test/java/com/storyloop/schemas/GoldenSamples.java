package com.storyloop.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Deterministic sample events for any event schema, and their single-object encoding by Avro's own
 * {@link BinaryMessageEncoder} (independent of {@link EventCodec}).
 *
 * <p>Every value derives from the field's path, e.g. {@code StoryRevised.metadata.orgId}: strings
 * are the path itself, uuids are {@code UUID.nameUUIDFromBytes(path)}, numbers and enum symbols come
 * from {@code path.hashCode()} (specified by the JLS, so stable), optional fields hold a value,
 * arrays hold two elements ({@code path[0]}, {@code path[1]}).
 */
final class GoldenSamples {

  static final long EPOCH_MILLIS_BASE = 1_700_000_000_000L;

  private GoldenSamples() {}

  static GenericRecord sample(Schema event) {
    return (GenericRecord) value(event, event.getName());
  }

  static byte[] encode(Schema writer, GenericRecord record) {
    try {
      ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static UUID uuid(String path) {
    return UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8));
  }

  static int smallInt(String path) {
    return Math.floorMod(path.hashCode(), 100);
  }

  static long timestampMillis(String path) {
    return EPOCH_MILLIS_BASE + Math.floorMod(path.hashCode(), 1_000_000_000);
  }

  static Object value(Schema schema, String path) {
    int hash = path.hashCode();
    String logical = schema.getLogicalType() == null ? null : schema.getLogicalType().getName();
    switch (schema.getType()) {
      case RECORD: {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.pos(), value(field.schema(), path + "." + field.name()));
        }
        return record;
      }
      case ENUM: {
        List<String> symbols = new ArrayList<>(schema.getEnumSymbols());
        symbols.remove("UNKNOWN");
        return new GenericData.EnumSymbol(schema, symbols.get(Math.floorMod(hash, symbols.size())));
      }
      case ARRAY: {
        GenericData.Array<Object> array = new GenericData.Array<>(2, schema);
        array.add(value(schema.getElementType(), path + "[0]"));
        array.add(value(schema.getElementType(), path + "[1]"));
        return array;
      }
      case MAP: {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", value(schema.getValueType(), path + "{key}"));
        return map;
      }
      case UNION:
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return value(branch, path);
          }
        }
        return null;
      case STRING:
        return "uuid".equals(logical) ? uuid(path).toString() : path;
      case INT:
        return "date".equals(logical) ? 19_000 + Math.floorMod(hash, 1_000) : smallInt(path);
      case LONG:
        return "timestamp-millis".equals(logical) ? timestampMillis(path) : (long) Math.floorMod(hash, 1_000);
      case DOUBLE:
        return Math.floorMod(hash, 100) / 100.0;
      case FLOAT:
        return Math.floorMod(hash, 100) / 100.0f;
      case BOOLEAN:
        return (hash & 1) == 0;
      case BYTES:
        return ByteBuffer.wrap(path.getBytes(StandardCharsets.UTF_8));
      case NULL:
        return null;
      default:
        throw new IllegalArgumentException("no sample for " + schema);
    }
  }

  /**
   * A comparable plain form of decoded data: records become maps of field name to value, enums and
   * strings become strings, uuids strings, timestamps epoch millis, dates epoch days.
   */
  static Object plain(Object value) {
    if (value instanceof IndexedRecord record) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Schema.Field field : record.getSchema().getFields()) {
        fields.put(field.name(), plain(record.get(field.pos())));
      }
      return fields;
    }
    if (value instanceof GenericEnumSymbol<?> || value instanceof Enum<?> || value instanceof CharSequence
        || value instanceof UUID) {
      return value.toString();
    }
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof LocalDate date) {
      return (int) date.toEpochDay();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(GoldenSamples::plain).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((k, v) -> plain.put(k.toString(), plain(v)));
      return plain;
    }
    return value;
  }

  /**
   * Where {@code actual} differs from {@code expected}, both in {@link #plain} form. Record fields
   * that only {@code actual} has (added by a newer reader schema) are not compared here.
   */
  static List<String> differences(Object expected, Object actual, String path) {
    List<String> found = new ArrayList<>();
    collectDifferences(expected, actual, path, found);
    return found;
  }

  private static void collectDifferences(Object expected, Object actual, String path, List<String> found) {
    if (expected instanceof Map<?, ?> want && actual instanceof Map<?, ?> got) {
      for (Map.Entry<?, ?> entry : want.entrySet()) {
        if (!got.containsKey(entry.getKey())) {
          found.add(path + "." + entry.getKey() + ": missing");
        } else {
          collectDifferences(entry.getValue(), got.get(entry.getKey()), path + "." + entry.getKey(), found);
        }
      }
    } else if (expected instanceof List<?> want && actual instanceof List<?> got) {
      if (want.size() != got.size()) {
        found.add(path + ": " + got.size() + " elements, expected " + want.size());
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        collectDifferences(want.get(i), got.get(i), path + "[" + i + "]", found);
      }
    } else if (expected == null ? actual != null : !expected.equals(actual)) {
      found.add(path + ": " + actual + " (" + (actual == null ? "null" : actual.getClass().getSimpleName())
          + "), expected " + expected);
    }
  }
}
