package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FULL_TRANSITIVE: every current event schema must be FULL compatible (Avro's
 * SchemaCompatibility, both directions) with every released version of the same event.
 */
class CompatibilityTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();

  static Stream<Arguments> releasedVersions() {
    return CATALOG.releasedVersions().values().stream()
        .flatMap(List::stream)
        .map(released -> Arguments.of(released.eventType(), released.version(), released.schema()));
  }

  @ParameterizedTest(name = "{0} is FULL compatible with released v{1}")
  @MethodSource("releasedVersions")
  void currentSchemaIsFullCompatibleWithEveryReleasedVersion(String event, int version, Schema released) {
    Schema current = CATALOG.currentSchema(event);

    List<CompatibilityChecker.Incompatibility> breaks = CompatibilityChecker.fullIncompatibilities(current, released);

    assertThat(breaks).withFailMessage(() -> CompatibilityChecker.describe(event, version, breaks)).isEmpty();
  }

  @ParameterizedTest(name = "{0} v{1} fingerprint matches its released file")
  @MethodSource("releasedVersions")
  void releasedVersionsAreIndexedByTheirFingerprint(String event, int version, Schema released) {
    long fingerprint = EventCatalog.fingerprint(released);

    assertThat(CATALOG.schemaByFingerprint(fingerprint))
        .as("%s v%d is found by its fingerprint %s", event, version, EventCodec.hex(fingerprint))
        .isPresent();
  }
}
