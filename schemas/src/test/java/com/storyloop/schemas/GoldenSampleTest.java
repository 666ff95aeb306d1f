package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryRevised;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every released version of every event, a binary sample written with that version
 * ({@code src/test/resources/golden/<Event>.v<N>.bin}) decodes with the current codec to the values
 * it was written with. Missing samples are written once with {@code -Dgolden.write=true}; existing
 * ones are never rewritten.
 */
class GoldenSampleTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final EventCatalog CATALOG = EventCatalog.standard();
  private static final EventCodec CODEC = new EventCodec(CATALOG);

  @TestFactory
  Stream<DynamicTest> everyReleasedVersionHasAGoldenSampleThatDecodes() {
    return CATALOG.releasedVersions().values().stream().flatMap(List::stream)
        .map(released -> DynamicTest.dynamicTest(released.eventType() + " v" + released.version(), () -> {
          byte[] bytes = golden(released);

          assertThat(EventCodec.fingerprint(bytes)).isEqualTo(released.fingerprint());
          SpecificRecord decoded = CODEC.decode(bytes);
          assertThat(decoded).isInstanceOf(CATALOG.eventClass(released.eventType()).orElseThrow());
          List<String> differences = GoldenSamples.differences(
              GoldenSamples.plain(GoldenSamples.sample(released.schema())), GoldenSamples.plain(decoded),
              released.eventType());
          assertThat(differences)
              .withFailMessage(() -> released.relativePath() + " golden sample decodes differently:\n"
                  + String.join("\n", differences))
              .isEmpty();
        }));
  }

  @Test
  void storyRevisedV1ReadsBackItsFieldValues() throws IOException {
    StoryRevised event = (StoryRevised) CODEC.decode(Files.readAllBytes(GOLDEN.resolve("StoryRevised.v1.bin")));

    assertThat(event.getTitle()).isEqualTo("StoryRevised.title");
    assertThat(event.getAction()).isEqualTo("StoryRevised.action");
    assertThat(event.getNote()).isEqualTo("StoryRevised.note");
    assertThat(event.getRevision()).isEqualTo(GoldenSamples.smallInt("StoryRevised.revision"));
    assertThat(event.getPrinciples()).hasSize(2).doesNotContain(PrincipleCode.UNKNOWN);
    assertThat(event.getMetadata().getEventId()).isEqualTo(GoldenSamples.uuid("StoryRevised.metadata.eventId"));
    assertThat(event.getMetadata().getOrgId()).isEqualTo("StoryRevised.metadata.orgId");
    assertThat(event.getMetadata().getClientId()).isEqualTo("StoryRevised.metadata.clientId");
    assertThat(event.getMetadata().getCausationId()).isEqualTo("StoryRevised.metadata.causationId");
    assertThat(event.getMetadata().getOccurredAt())
        .isEqualTo(Instant.ofEpochMilli(GoldenSamples.timestampMillis("StoryRevised.metadata.occurredAt")));
  }

  @Test
  void revisionScoredV1ReadsBackItsNestedScorecard() throws IOException {
    RevisionScored event = (RevisionScored) CODEC.decode(Files.readAllBytes(GOLDEN.resolve("RevisionScored.v1.bin")));

    assertThat(event.getRubricVersion()).isEqualTo("RevisionScored.rubricVersion");
    assertThat(event.getFlags()).hasSize(2);
    assertThat(event.getFlags().get(1).getEvidence().get(0).getText())
        .isEqualTo("RevisionScored.flags[1].evidence[0].text");
    assertThat(event.getFlags().get(1).getEvidence().get(0).getSection())
        .isEqualTo("RevisionScored.flags[1].evidence[0].section");
    assertThat(event.getMeasurements().getWordCount())
        .isEqualTo(GoldenSamples.smallInt("RevisionScored.measurements.wordCount"));
    assertThat(event.getPrinciples().get(0).getFit())
        .isEqualTo(Math.floorMod("RevisionScored.principles[0].fit".hashCode(), 100) / 100.0);
    assertThat(event.getWarnings()).containsExactly("RevisionScored.warnings[0]", "RevisionScored.warnings[1]");
  }

  private static byte[] golden(ReleasedSchema released) throws IOException {
    Path file = GOLDEN.resolve(released.eventType() + ".v" + released.version() + ".bin");
    if (!Files.exists(file)) {
      if (!Boolean.getBoolean("golden.write")) {
        fail("no golden sample " + file + " for released " + released.relativePath()
            + ": run ./mvnw -q -f schemas/pom.xml test -Dgolden.write=true once and commit the file");
      }
      Files.createDirectories(GOLDEN);
      Files.write(file, GoldenSamples.encode(released.schema(), GoldenSamples.sample(released.schema())));
    }
    return Files.readAllBytes(file);
  }
}
