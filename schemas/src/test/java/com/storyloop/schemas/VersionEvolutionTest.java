package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.CompatibilityChecker.Direction;
import com.storyloop.schemas.CompatibilityChecker.Incompatibility;
import com.storyloop.schemas.EventDecodingException.Reason;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Evolution of one event across versions, with a test-only StoryRevised v2
 * ({@code src/test/resources/evolution/StoryRevised/v2.avsc}: v1 plus an optional field {@code source})
 * and a test-only future event type ({@code evolution/StoryPinned/v1.avsc}).
 */
class VersionEvolutionTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();
  private static final Path EVOLUTION = resourceDir("/evolution");
  private static final Schema V1 = CATALOG.releasedVersions("StoryRevised").get(0).schema();
  private static final Schema V2 = EventCatalog.parseFile(EVOLUTION.resolve("StoryRevised/v2.avsc"));

  /** A reader deployed with the v1 jar that was given the newer writer schemas in a directory. */
  private final EventCodec v1ReaderThatLearnedV2 = new EventCodec(new EventCatalog(EVOLUTION));
  private final EventCodec codec = new EventCodec();

  @Test
  void v2OnlyAddsAnOptionalFieldAndIsFullCompatibleWithV1() {
    assertThat(V2.getFields()).extracting(Schema.Field::name)
        .containsExactlyElementsOf(concat(V1.getFields().stream().map(Schema.Field::name).toList(), "source"));
    assertThat(V2.getField("source").defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);

    assertThat(CompatibilityChecker.fullIncompatibilities(V2, V1)).isEmpty();
  }

  @Test
  void aV1EventDecodesWithTheV2Reader() {
    byte[] bytes = GoldenSamples.encode(V1, GoldenSamples.sample(V1));
    assertThat(EventCodec.fingerprint(bytes)).isEqualTo(EventCatalog.fingerprint(V1));

    GenericRecord read = codec.decode(bytes, V2);

    assertThat(read.get("source")).as("field added in v2 takes its default").isNull();
    assertThat(read.get("title")).isEqualTo("StoryRevised.title");
    assertThat(read.get("revision")).isEqualTo(GoldenSamples.smallInt("StoryRevised.revision"));
    assertThat((List<?>) read.get("principles")).hasSize(2);
    GenericRecord metadata = (GenericRecord) read.get("metadata");
    assertThat(metadata.get("eventId")).isEqualTo(GoldenSamples.uuid("StoryRevised.metadata.eventId"));
    assertThat(metadata.get("occurredAt"))
        .isEqualTo(Instant.ofEpochMilli(GoldenSamples.timestampMillis("StoryRevised.metadata.occurredAt")));
  }

  @Test
  void anEventWrittenByTheCurrentCodecDecodesWithTheV2Reader() {
    StoryRevised event = storyRevised();

    GenericRecord read = codec.decode(codec.encode(event), V2);

    assertThat(read.get("source")).isNull();
    assertThat(read.get("title")).isEqualTo(event.getTitle());
    assertThat(read.get("principles").toString()).isEqualTo("[CUSTOMER_OBSESSION, BACKBONE]");
    assertThat(((GenericRecord) read.get("metadata")).get("eventId")).isEqualTo(event.getMetadata().getEventId());
  }

  @Test
  void aV2EventDecodesWithTheV1ReaderOnceItsCatalogHasTheV2Schema() {
    GenericRecord v2Event = GoldenSamples.sample(V2);
    v2Event.put("source", "IMPORT");
    byte[] bytes = GoldenSamples.encode(V2, v2Event);

    assertThatThrownBy(() -> codec.decode(bytes))
        .as("a reader that never saw the v2 schema cannot resolve its fingerprint")
        .isInstanceOfSatisfying(EventDecodingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FINGERPRINT));

    StoryRevised read = (StoryRevised) v1ReaderThatLearnedV2.decode(bytes);
    assertThat(read.getTitle()).isEqualTo("StoryRevised.title");
    assertThat(read.getNote()).isEqualTo("StoryRevised.note");
    assertThat(read.getMetadata().getEventId()).isEqualTo(GoldenSamples.uuid("StoryRevised.metadata.eventId"));

    GenericRecord generic = v1ReaderThatLearnedV2.decode(bytes, V1);
    assertThat(generic.getSchema().getField("source")).isNull();
    assertThat(generic.get("title")).isEqualTo("StoryRevised.title");
  }

  @Test
  void anEventTypeTheReaderHasNoClassForIsReportedAsUnknownEventType() {
    Schema pinned = EventCatalog.parseFile(EVOLUTION.resolve("StoryPinned/v1.avsc"));
    byte[] bytes = GoldenSamples.encode(pinned, GoldenSamples.sample(pinned));

    assertThatThrownBy(() -> v1ReaderThatLearnedV2.decode(bytes))
        .isInstanceOfSatisfying(EventDecodingException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
          assertThat(e.getMessage()).contains("com.storyloop.events.story.StoryPinned");
        });
    assertThat(v1ReaderThatLearnedV2.decode(bytes, pinned).get("storyId")).isEqualTo("StoryPinned.storyId");
  }

  @Test
  void aNewFieldWithoutDefaultIsABreak() {
    Schema broken = withFields(V2, fields -> {
      fields.set(fields.size() - 1, new Schema.Field("source", Schema.create(Schema.Type.STRING), "no default"));
      return fields;
    });

    List<Incompatibility> breaks = CompatibilityChecker.fullIncompatibilities(broken, V1);

    assertThat(breaks).anySatisfy(b -> {
      assertThat(b.direction()).isEqualTo(Direction.BACKWARD);
      assertThat(b.type()).isEqualTo(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
      assertThat(b.message()).contains("source");
    });
    assertThat(CompatibilityChecker.describe("StoryRevised", 1, breaks))
        .contains("StoryRevised").contains("v1").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void removingARequiredFieldIsABreak() {
    Schema broken = withFields(V1, fields -> {
      fields.removeIf(f -> f.name().equals("title"));
      return fields;
    });

    assertThat(CompatibilityChecker.fullIncompatibilities(broken, V1)).anySatisfy(b -> {
      assertThat(b.direction()).isEqualTo(Direction.FORWARD);
      assertThat(b.type()).isEqualTo(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
    });
  }

  @Test
  void changingAFieldTypeIsABreak() {
    Schema broken = withFields(V1, fields -> {
      fields.replaceAll(f -> f.name().equals("revision")
          ? new Schema.Field("revision", Schema.create(Schema.Type.STRING), f.doc()) : f);
      return fields;
    });

    assertThat(CompatibilityChecker.fullIncompatibilities(broken, V1))
        .anySatisfy(b -> assertThat(b.type()).isEqualTo(SchemaIncompatibilityType.TYPE_MISMATCH));
  }

  @Test
  void removingAnEnumSymbolBreaksOnlyAnEnumWithoutDefault() {
    Schema withDefault = enumEvent(List.of("RED", "GREEN", "UNKNOWN"), "UNKNOWN");
    Schema withDefaultShrunk = enumEvent(List.of("RED", "UNKNOWN"), "UNKNOWN");
    Schema noDefault = enumEvent(List.of("RED", "GREEN", "UNKNOWN"), null);
    Schema noDefaultShrunk = enumEvent(List.of("RED", "UNKNOWN"), null);

    assertThat(CompatibilityChecker.fullIncompatibilities(withDefaultShrunk, withDefault))
        .as("readers map the unknown symbol to the enum default UNKNOWN").isEmpty();
    assertThat(CompatibilityChecker.fullIncompatibilities(noDefaultShrunk, noDefault))
        .anySatisfy(b -> assertThat(b.type()).isEqualTo(SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS));
  }

  private static Schema enumEvent(List<String> symbols, String defaultSymbol) {
    Schema colour = Schema.createEnum("Colour", "d", "com.storyloop.events.test", symbols, defaultSymbol);
    return Schema.createRecord("ThingHappened", "d", "com.storyloop.events.test", false,
        List.of(new Schema.Field("colour", colour, "d")));
  }

  private static Schema withFields(Schema record, UnaryOperator<List<Schema.Field>> change) {
    List<Schema.Field> copies = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      copies.add(new Schema.Field(field, field.schema()));
    }
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, change.apply(copies));
  }

  private static List<String> concat(List<String> names, String extra) {
    List<String> all = new ArrayList<>(names);
    all.add(extra);
    return all;
  }

  static StoryRevised storyRevised() {
    return StoryRevised.newBuilder()
        .setMetadata(EventMetadata.newBuilder()
            .setEventId(UUID.fromString("0b5e3a52-6f1c-4c53-9d3e-8f0e9c1a2b3c"))
            .setOrgId("org-acme-coaching")
            .setClientId("client-42")
            .setStreamId("story-7")
            .setStreamVersion(3)
            .setOccurredAt(Instant.parse("2025-03-14T09:26:53.589Z"))
            .setCorrelationId("req-1f2e")
            .setCausationId(null)
            .setActor("user-42")
            .build())
        .setBankId("bank-42")
        .setStoryId("story-7")
        .setRevision(3)
        .setTitle("Rolled back a conversion win that hurt screen-reader users")
        .setSituation("Checkout conversion rose 4% after the redesign.")
        .setTask("I owned the checkout funnel.")
        .setAction("I saw accessibility tickets triple, so I rolled the change back for everyone.")
        .setResult("We shipped an accessible version two weeks later; conversion stayed +3.6%.")
        .setText(null)
        .setPrinciples(List.of(PrincipleCode.CUSTOMER_OBSESSION, PrincipleCode.BACKBONE))
        .setProjectTag("checkout-2024")
        .setNote("Added the ticket numbers")
        .build();
  }

  private static Path resourceDir(String name) {
    try {
      return Path.of(VersionEvolutionTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
