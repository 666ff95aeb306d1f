package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storyloop.events.story.StoryRevised;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCatalogTest {

  private static final EventCatalog CATALOG = EventCatalog.standard();

  @Test
  void knowsEveryEventOfTheArchitecture() {
    assertThat(CATALOG.eventTypes()).containsExactlyInAnyOrder(
        "StoryBankOpened", "InterviewDateSet", "CoachAssigned", "StoryDrafted", "StoryRevised", "PrinciplesClaimed",
        "DeepDiveAttached", "StoryRetired", "StoryRestored",
        "RevisionScored", "CoachScored", "RubricAdopted",
        "LoopPlanned", "QuestionAsked", "AnswerGiven", "ProbeAsked", "AnswerRated", "LoopCompleted",
        "QuestionPublished", "RubricPublished", "ExampleStoryPublished");
  }

  @Test
  void mapsSimpleNamesToGeneratedClassesAndSchemas() {
    assertThat(CATALOG.eventClass("StoryRevised")).contains(StoryRevised.class);
    assertThat(CATALOG.eventClass("StoryRevisedV2")).isEmpty();
    assertThat(CATALOG.currentSchema("StoryRevised")).isEqualTo(StoryRevised.getClassSchema());
    assertThat(CATALOG.eventClassFor(StoryRevised.getClassSchema())).contains(StoryRevised.class);
    assertThatThrownBy(() -> CATALOG.currentSchema("Nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void indexesCurrentAndReleasedSchemasByFingerprint() {
    long current = EventCatalog.fingerprint(StoryRevised.getClassSchema());

    assertThat(CATALOG.schemaByFingerprint(current)).hasValueSatisfying(s ->
        assertThat(s.getFullName()).isEqualTo("com.storyloop.events.story.StoryRevised"));
    assertThat(CATALOG.releasedVersions("StoryRevised")).first()
        .satisfies(v1 -> assertThat(v1.version()).isEqualTo(1));
    assertThat(CATALOG.schemaByFingerprint(0x1234_5678_9abc_def0L)).isEmpty();
  }

  @Test
  void learnsExtraWriterSchemasFromADirectory(@TempDir Path dir) throws Exception {
    Path source = Path.of(getClass().getResource("/evolution/StoryRevised/v2.avsc").toURI());
    Files.copy(source, dir.resolve("StoryRevised.v2.avsc"));
    long v2 = EventCatalog.fingerprint(EventCatalog.parseFile(source));

    EventCatalog extended = new EventCatalog(dir);

    assertThat(CATALOG.schemaByFingerprint(v2)).isEmpty();
    assertThat(extended.schemaByFingerprint(v2)).isPresent();
    assertThat(extended.knownSchemas()).hasSize(CATALOG.knownSchemas().size() + 1);
    assertThat(extended.eventTypes()).isEqualTo(CATALOG.eventTypes());
  }

  @Test
  void refusesAMissingExtraDirectoryAndInvalidFiles(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> new EventCatalog(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");

    Files.writeString(dir.resolve("Broken.avsc"), "{\"type\": \"record\", \"name\": \"Broken\"");
    assertThatThrownBy(() -> new EventCatalog(dir))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Broken.avsc");
  }
}
