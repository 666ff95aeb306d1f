package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The catalog's house rules hold for every current and released schema, and the checker catches breaches. */
class SchemaRulesTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();

  @TestFactory
  Stream<DynamicTest> everyCurrentEventFollowsTheRules() {
    return CATALOG.eventTypes().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      List<String> violations = SchemaRules.violations(CATALOG.currentSchema(name));
      assertThat(violations).withFailMessage(() -> name + " breaks catalog rules:\n" + String.join("\n", violations))
          .isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyReleasedVersionFollowsTheRules() {
    return CATALOG.releasedVersions().values().stream().flatMap(List::stream)
        .map(released -> DynamicTest.dynamicTest(released.relativePath(), () ->
            assertThat(SchemaRules.violations(released.schema())).isEmpty()));
  }

  @Test
  void theSourcesDefineExactlyTheRegisteredEventsAndMatchTheGeneratedClasses() {
    Map<String, Schema> sources = SchemaSources.events(Path.of("src/main/avro"));

    assertThat(sources.keySet())
        .as("every .avsc event file has its class in EventCatalog.EVENT_CLASSES and vice versa")
        .containsExactlyInAnyOrderElementsOf(CATALOG.eventTypes());
    sources.forEach((name, source) -> assertThat(EventCatalog.fingerprint(source))
        .as("generated class of %s is built from its source", name)
        .isEqualTo(EventCatalog.fingerprint(CATALOG.currentSchema(name))));
  }

  @Test
  void theCheckerReportsEveryKindOfBreach() {
    Schema bad = parse("""
        {"type": "record", "name": "ThingHappenedV2", "namespace": "com.storyloop.events.test", "doc": "d",
         "fields": [
           {"name": "colour", "doc": "d", "type": {"type": "enum", "name": "Colour", "doc": "d", "symbols": ["RED", "BLUE"]}},
           {"name": "late", "doc": "d", "type": ["string", "null"], "default": "x"},
           {"name": "noDefault", "doc": "d", "type": ["null", "int"]},
           {"name": "undocumented", "type": "string"}
         ]}
        """);

    List<String> violations = SchemaRules.violations(bad);

    assertThat(violations).anySatisfy(v -> assertThat(v).contains("no field `metadata`"))
        .anySatisfy(v -> assertThat(v).contains("ThingHappenedV2").contains("letters only"))
        .anySatisfy(v -> assertThat(v).contains("enum Colour").contains("UNKNOWN"))
        .anySatisfy(v -> assertThat(v).contains("ThingHappenedV2.late").contains("null first"))
        .anySatisfy(v -> assertThat(v).contains("ThingHappenedV2.late").contains("\"default\": null"))
        .anySatisfy(v -> assertThat(v).contains("ThingHappenedV2.noDefault").contains("\"default\": null"))
        .anySatisfy(v -> assertThat(v).contains("ThingHappenedV2.undocumented").contains("no doc"));
  }

  @Test
  void aCompliantEventHasNoViolations() {
    Schema good = parse("""
        {"type": "record", "name": "ThingHappened", "namespace": "com.storyloop.events.test", "doc": "d",
         "fields": [
           {"name": "metadata", "doc": "d", "type": %s},
           {"name": "colour", "doc": "d", "type": {"type": "enum", "name": "Colour", "doc": "d",
             "symbols": ["RED", "UNKNOWN"], "default": "UNKNOWN"}},
           {"name": "note", "doc": "d", "type": ["null", "string"], "default": null}
         ]}
        """.formatted(CATALOG.currentSchema("StoryRestored").getField("metadata").schema().toString()));

    assertThat(SchemaRules.violations(good)).isEmpty();
  }

  private static Schema parse(String json) {
    SchemaParser parser = new SchemaParser();
    return parser.resolve(parser.parse(json));
  }
}
