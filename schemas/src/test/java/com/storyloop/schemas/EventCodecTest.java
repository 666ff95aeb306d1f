package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.EventDecodingException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EventCodecTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();
  private final EventCodec codec = new EventCodec();

  @TestFactory
  Stream<DynamicTest> everyEventTypeRoundTripsByteForByteWithAvrosOwnSingleObjectEncoder() {
    return CATALOG.eventTypes().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      GenericRecord sample = GoldenSamples.sample(CATALOG.currentSchema(name));
      byte[] reference = GoldenSamples.encode(CATALOG.currentSchema(name), sample);

      SpecificRecord decoded = codec.decode(reference);
      byte[] encoded = codec.encode(decoded);

      assertThat(decoded).isInstanceOf(CATALOG.eventClass(name).orElseThrow());
      assertThat(EventCodec.typeName(decoded)).isEqualTo(name);
      assertThat(EventCodec.metadataOf(decoded).getOrgId()).isEqualTo(name + ".metadata.orgId");
      assertThat(encoded).isEqualTo(reference);
      assertThat(GoldenSamples.differences(GoldenSamples.plain(sample), GoldenSamples.plain(decoded), name)).isEmpty();
    }));
  }

  @Test
  void encodingIsMarkerThenLittleEndianFingerprintThenBody() {
    byte[] bytes = codec.encode(VersionEvolutionTest.storyRevised());

    long fingerprint = SchemaNormalization.parsingFingerprint64(StoryRevised.getClassSchema());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    for (int i = 0; i < 8; i++) {
      assertThat(bytes[2 + i]).as("fingerprint byte %d", i).isEqualTo((byte) (fingerprint >>> (8 * i)));
    }
    assertThat(EventCodec.fingerprint(bytes)).isEqualTo(fingerprint);
    assertThat(codec.decode(bytes)).isEqualTo(VersionEvolutionTest.storyRevised());
  }

  @Test
  void typeNameAndMetadataOfAnEvent() {
    StoryRevised event = VersionEvolutionTest.storyRevised();

    assertThat(EventCodec.typeName(event)).isEqualTo("StoryRevised");
    assertThat(EventCodec.metadataOf(event).getStreamId()).isEqualTo("story-7");
    assertThatThrownBy(() -> EventCodec.metadataOf(event.getMetadata()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void genericDecodingGivesJavaStringsAndLogicalTypes() {
    StoryRevised event = VersionEvolutionTest.storyRevised();

    GenericRecord read = codec.decode(codec.encode(event), StoryRevised.getClassSchema());

    assertThat(read.get("title")).isInstanceOf(String.class).isEqualTo(event.getTitle());
    GenericRecord metadata = (GenericRecord) read.get("metadata");
    assertThat(metadata.get("eventId")).isEqualTo(event.getMetadata().getEventId());
    assertThat(metadata.get("occurredAt")).isEqualTo(event.getMetadata().getOccurredAt());
  }

  @Test
  void encodeRefusesRecordsThatAreNotValidEvents() {
    EventMetadata notAnEvent = VersionEvolutionTest.storyRevised().getMetadata();
    assertThatThrownBy(() -> codec.encode(notAnEvent))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an event type");

    StoryRevised missingTitle = VersionEvolutionTest.storyRevised();
    missingTitle.put("title", null);
    assertThatThrownBy(() -> codec.encode(missingTitle))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StoryRevised").hasMessageContaining("title");
  }

  @Test
  void garbageIsNotSingleObject() {
    assertReason(() -> codec.decode("{\"title\": \"not avro\"}".getBytes(StandardCharsets.UTF_8)), Reason.NOT_SINGLE_OBJECT)
        .contains("C3 01").contains("7B 22");
    assertReason(() -> codec.decode(new byte[0]), Reason.NOT_SINGLE_OBJECT);
    assertReason(() -> codec.decode(null), Reason.NOT_SINGLE_OBJECT);
    assertReason(() -> codec.decode(new byte[] {(byte) 0xC3, 0x01, 1, 2, 3}), Reason.NOT_SINGLE_OBJECT)
        .as("marker but no complete fingerprint").contains("5 bytes");
  }

  @Test
  void anUnknownFingerprintIsReportedAsSuch() {
    byte[] bytes = codec.encode(VersionEvolutionTest.storyRevised());
    bytes[5] ^= 0x5A;

    assertReason(() -> codec.decode(bytes), Reason.UNKNOWN_FINGERPRINT)
        .contains(EventCodec.hex(EventCodec.fingerprint(bytes)));
  }

  @Test
  void aTruncatedBodyIsCorrupt() {
    byte[] bytes = codec.encode(VersionEvolutionTest.storyRevised());

    for (int cut : new int[] {1, 7, bytes.length / 2, bytes.length - EventCodec.HEADER_LENGTH}) {
      byte[] truncated = Arrays.copyOf(bytes, bytes.length - cut);
      assertReason(() -> codec.decode(truncated), Reason.CORRUPT_BODY).contains("StoryRevised");
    }
  }

  @Test
  void trailingBytesAfterTheBodyAreCorrupt() {
    byte[] bytes = codec.encode(VersionEvolutionTest.storyRevised());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

    assertReason(() -> codec.decode(longer), Reason.CORRUPT_BODY).contains("trailing");
  }

  @Test
  void readingAsAnotherEventTypeIsRefused() {
    byte[] bytes = codec.encode(VersionEvolutionTest.storyRevised());

    assertReason(() -> codec.decode(bytes, CATALOG.currentSchema("StoryDrafted")), Reason.UNKNOWN_EVENT_TYPE)
        .contains("StoryRevised").contains("StoryDrafted");
  }

  @Test
  void theGeneratedEventPackagesAreTrustedByAvro() {
    assertThat(ClassSecurityValidator.getGlobal().isTrusted(StoryRevised.class)).isTrue();
  }

  @Test
  void oneCodecServesManyThreads() throws Exception {
    List<SpecificRecord> events = new ArrayList<>();
    for (String name : CATALOG.eventTypes()) {
      events.add(codec.decode(GoldenSamples.encode(CATALOG.currentSchema(name), GoldenSamples.sample(CATALOG.currentSchema(name)))));
    }
    EventCodec shared = new EventCodec();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          int checked = 0;
          for (int i = 0; i < 2_000; i++) {
            SpecificRecord event = events.get((i + offset) % events.size());
            SpecificRecord back = shared.decode(shared.encode(event));
            if (!back.equals(event)) {
              throw new AssertionError("round trip changed " + EventCodec.typeName(event));
            }
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(2_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertReason(ThrowingCallable call, Reason reason) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(EventDecodingException.class);
    EventDecodingException e = (EventDecodingException) thrown;
    assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason);
    return assertThat(e.getMessage());
  }

}
