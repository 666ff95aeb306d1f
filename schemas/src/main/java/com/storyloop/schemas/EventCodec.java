package com.storyloop.schemas;

import com.storyloop.events.EventMetadata;
import com.storyloop.schemas.EventDecodingException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes events as Avro single-object encoding and decodes them by resolving the writer schema
 * from its fingerprint in an {@link EventCatalog}.
 *
 * <p>Byte layout: {@code C3 01}, then the 8-byte little-endian CRC-64-AVRO fingerprint of the writer
 * schema's parsing canonical form, then the Avro binary body. Decoding applies Avro schema
 * resolution from the writer schema to the reader's, so an event written with any released
 * version reads into the current generated class, and, with the newer writer schemas in the
 * catalog, a new event reads with an older reader schema.
 *
 * <p>Thread-safe; readers and writers are created once per (writer, reader) pair and cached,
 * buffers are per thread.
 */
public final class EventCodec {

  /** The two marker bytes that open every single-object encoded event. */
  public static final byte MARKER_0 = (byte) 0xC3;
  public static final byte MARKER_1 = (byte) 0x01;
  /** Marker plus fingerprint. */
  public static final int HEADER_LENGTH = 10;

  private static final int MAX_RETAINED_BUFFER = 1 << 20;
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  static {
    AvroTrust.ensureEventPackagesTrusted();
  }

  private final EventCatalog catalog;
  private final GenericData genericData;
  private final ConcurrentMap<Class<?>, Writer> writers = new ConcurrentHashMap<>();
  private final ConcurrentMap<Long, Reader<SpecificRecord>> specificReaders = new ConcurrentHashMap<>();
  private final ConcurrentMap<GenericKey, Reader<GenericRecord>> genericReaders = new ConcurrentHashMap<>();

  /** A codec over the shared catalog of the jar ({@link EventCatalog#standard()}). */
  public EventCodec() {
    this(EventCatalog.standard());
  }

  public EventCodec(EventCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.setFastReaderEnabled(false); // the fast reader ignores StringGenericDatumReader's string class
    this.genericData = data;
  }

  public EventCatalog catalog() {
    return catalog;
  }

  /**
   * The event in single-object encoding with its current schema.
   *
   * @throws IllegalArgumentException if the record is not a current event type of the catalog or
   *     violates its schema (a null in a required field, for example)
   */
  public byte[] encode(SpecificRecord event) {
    Objects.requireNonNull(event, "event");
    Writer writer = writers.get(event.getClass());
    if (writer == null) {
      writer = writers.computeIfAbsent(event.getClass(), this::newWriter);
    }
    Buffers buffers = BUFFERS.get();
    Output out = buffers.output;
    out.reset();
    out.write(writer.header, 0, HEADER_LENGTH);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, buffers.encoder);
    buffers.encoder = encoder;
    try {
      writer.datumWriter.write(event, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      buffers.encoder = null; // its buffer may hold a partial datum
      throw new IllegalArgumentException("cannot encode " + writer.typeName + ": " + e.getMessage(), e);
    } finally {
      if (out.capacity() > MAX_RETAINED_BUFFER) {
        buffers.output = new Output();
        buffers.encoder = null;
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes an event into its current generated class, resolving the writer schema by fingerprint.
   *
   * @throws EventDecodingException with {@link Reason#NOT_SINGLE_OBJECT}, {@link
   *     Reason#UNKNOWN_FINGERPRINT}, {@link Reason#UNKNOWN_EVENT_TYPE} or {@link
   *     Reason#CORRUPT_BODY}
   */
  public SpecificRecord decode(byte[] bytes) {
    long fingerprint = fingerprint(bytes);
    Reader<SpecificRecord> reader = specificReaders.get(fingerprint);
    if (reader == null) {
      reader = specificReaders.computeIfAbsent(fingerprint, this::newSpecificReader);
    }
    return read(reader, bytes);
  }

  /**
   * Decodes an event with another reader schema, for a reader on another version of the event
   * (for example an older release, given the newer writer schema in its catalog). Strings read as
   * {@link String}, uuid as {@link java.util.UUID}, timestamp-millis as {@link java.time.Instant},
   * date as {@link java.time.LocalDate}, enums as {@link GenericData.EnumSymbol}.
   *
   * @param readerSchema a record schema of the same event (same full name, or listing the writer's
   *     name among its aliases)
   * @throws EventDecodingException as {@link #decode(byte[])}; {@link Reason#UNKNOWN_EVENT_TYPE}
   *     also when the event is another type or cannot be resolved to {@code readerSchema}
   */
  public GenericRecord decode(byte[] bytes, Schema readerSchema) {
    Objects.requireNonNull(readerSchema, "readerSchema");
    long fingerprint = fingerprint(bytes);
    GenericKey key = new GenericKey(fingerprint, readerSchema);
    Reader<GenericRecord> reader = genericReaders.get(key);
    if (reader == null) {
      reader = genericReaders.computeIfAbsent(key, this::newGenericReader);
    }
    return read(reader, bytes);
  }

  /** The event type: the simple record name, e.g. {@code StoryRevised}. */
  public static String typeName(SpecificRecord event) {
    return event.getSchema().getName();
  }

  /** The envelope of an event (its field {@code metadata}). */
  public static EventMetadata metadataOf(SpecificRecord event) {
    Schema.Field field = event.getSchema().getField("metadata");
    if (field != null && event.get(field.pos()) instanceof EventMetadata metadata) {
      return metadata;
    }
    throw new IllegalArgumentException(typeName(event) + " has no EventMetadata field named metadata");
  }

  /**
   * The writer-schema fingerprint in a single-object encoded event (bytes 2 to 9, little-endian).
   *
   * @throws EventDecodingException with {@link Reason#NOT_SINGLE_OBJECT} if the bytes are too short
   *     or lack the {@code C3 01} marker
   */
  public static long fingerprint(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
      throw new EventDecodingException(Reason.NOT_SINGLE_OBJECT, describeNotSingleObject(bytes));
    }
    long fingerprint = 0;
    for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
      fingerprint = (fingerprint << 8) | (bytes[i] & 0xFFL);
    }
    return fingerprint;
  }

  /** The ten header bytes of an event written with the schema of this fingerprint. */
  static byte[] header(long fingerprint) {
    byte[] header = new byte[HEADER_LENGTH];
    header[0] = MARKER_0;
    header[1] = MARKER_1;
    for (int i = 2; i < HEADER_LENGTH; i++) {
      header[i] = (byte) (fingerprint >>> (8 * (i - 2)));
    }
    return header;
  }

  private Writer newWriter(Class<?> type) {
    if (!(SpecificRecord.class.isAssignableFrom(type))) {
      throw new IllegalArgumentException(type.getName() + " is not a SpecificRecord");
    }
    Schema schema = SpecificData.get().getSchema(type);
    boolean catalogued = catalog.eventClass(schema.getName()).filter(type::equals).isPresent();
    if (!catalogued) {
      throw new IllegalArgumentException(type.getName() + " is not an event type of the catalog; known: "
          + catalog.eventTypes());
    }
    DatumWriter<SpecificRecord> datumWriter = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
    return new Writer(schema.getName(), header(EventCatalog.fingerprint(schema)), datumWriter);
  }

  private Reader<SpecificRecord> newSpecificReader(long fingerprint) {
    Schema writer = writerSchema(fingerprint);
    Class<? extends SpecificRecord> type = catalog.eventClassFor(writer).orElseThrow(() ->
        new EventDecodingException(Reason.UNKNOWN_EVENT_TYPE, String.format(
            "event type %s (writer schema fingerprint %s) is known to the schema catalog but this reader has no "
                + "class for it; current event types: %s. Upgrade the storyloop-schemas jar to read it.",
            writer.getFullName(), hex(fingerprint), catalog.eventTypes())));
    Schema reader = SpecificData.get().getSchema(type);
    requireResolvable(writer, reader, fingerprint);
    DatumReader<SpecificRecord> datumReader =
        new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(type));
    return new Reader<>(writer.getName(), fingerprint, datumReader);
  }

  private Reader<GenericRecord> newGenericReader(GenericKey key) {
    Schema writer = writerSchema(key.fingerprint);
    Schema reader = key.readerSchema;
    boolean sameType = reader.getType() == Schema.Type.RECORD
        && (reader.getFullName().equals(writer.getFullName()) || reader.getAliases().contains(writer.getFullName()));
    if (!sameType) {
      throw new EventDecodingException(Reason.UNKNOWN_EVENT_TYPE, String.format(
          "the event is a %s (writer schema fingerprint %s) and cannot be read as %s",
          writer.getFullName(), hex(key.fingerprint), reader.getFullName()));
    }
    requireResolvable(writer, reader, key.fingerprint);
    return new Reader<>(writer.getName(), key.fingerprint, new StringGenericDatumReader(writer, reader, genericData));
  }

  private Schema writerSchema(long fingerprint) {
    return catalog.schemaByFingerprint(fingerprint).orElseThrow(() ->
        new EventDecodingException(Reason.UNKNOWN_FINGERPRINT, String.format(
            "writer schema fingerprint %s (CRC-64-AVRO of the parsing canonical form) is not in the event catalog "
                + "(%d known schemas): the event was written with a schema this reader does not know. Deploy the "
                + "newer storyloop-schemas jar or add the writer's .avsc to the extra schema directory.",
            hex(fingerprint), catalog.knownSchemas().size())));
  }

  private static void requireResolvable(Schema writer, Schema reader, long fingerprint) {
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String problems = compatibility.getResult().getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
          .collect(Collectors.joining("; "));
      throw new EventDecodingException(Reason.UNKNOWN_EVENT_TYPE, String.format(
          "%s written with schema fingerprint %s cannot be resolved to the reader's %s: %s",
          writer.getName(), hex(fingerprint), reader.getFullName(), problems));
    }
  }

  private static <T> T read(Reader<T> reader, byte[] bytes) {
    Buffers buffers = BUFFERS.get();
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, buffers.decoder);
    buffers.decoder = decoder;
    T result;
    boolean trailing;
    try {
      result = reader.datumReader.read(null, decoder);
      trailing = !decoder.isEnd();
    } catch (IOException | RuntimeException e) {
      throw new EventDecodingException(Reason.CORRUPT_BODY, String.format(
          "%s body (%d bytes, writer schema fingerprint %s) does not match its writer schema: %s",
          reader.typeName, bytes.length - HEADER_LENGTH, hex(reader.fingerprint), describe(e)), e);
    }
    if (trailing) {
      throw new EventDecodingException(Reason.CORRUPT_BODY, String.format(
          "%s body (%d bytes, writer schema fingerprint %s) has trailing bytes after the event",
          reader.typeName, bytes.length - HEADER_LENGTH, hex(reader.fingerprint)));
    }
    return result;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String kind = e instanceof java.io.EOFException ? "truncated (unexpected end of data)" : e.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }

  private static String describeNotSingleObject(byte[] bytes) {
    if (bytes == null) {
      return "no bytes (null record value): not an Avro single-object encoded event";
    }
    int shown = Math.min(bytes.length, 12);
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      prefix.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xFF));
    }
    String start = bytes.length == 0 ? "empty" : "starts with " + prefix + (bytes.length > shown ? " ..." : "");
    return String.format(
        "not an Avro single-object encoded event: expected marker C3 01 and an 8-byte schema fingerprint (%d bytes "
            + "at least), got %d bytes (%s)", HEADER_LENGTH, bytes.length, start);
  }

  static String hex(long fingerprint) {
    return String.format(Locale.ROOT, "0x%016x", fingerprint);
  }

  private record Writer(String typeName, byte[] header, DatumWriter<SpecificRecord> datumWriter) {}

  private record Reader<T>(String typeName, long fingerprint, DatumReader<T> datumReader) {}

  private record GenericKey(long fingerprint, Schema readerSchema) {}

  /** Generic reads with strings as {@link String} rather than Avro's {@code Utf8}. */
  private static final class StringGenericDatumReader extends GenericDatumReader<GenericRecord> {
    StringGenericDatumReader(Schema writer, Schema reader, GenericData data) {
      super(writer, reader, data);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class findStringClass(Schema schema) {
      return schema.getType() == Schema.Type.STRING && schema.getLogicalType() == null ? String.class
          : super.findStringClass(schema);
    }
  }

  private static final class Buffers {
    Output output = new Output();
    BinaryEncoder encoder;
    BinaryDecoder decoder;
  }

  /** An unsynchronised growable byte buffer. */
  private static final class Output extends OutputStream {
    private byte[] buf = new byte[1024];
    private int count;

    void reset() {
      count = 0;
    }

    int capacity() {
      return buf.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, count);
    }

    private void ensure(int extra) {
      if (count + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + extra));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }
  }
}
