package com.storyloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md carries the event reference generated from the current schemas. */
class EventDocsTest {

  static final Path PAGE = Path.of("..", "docs", "events.md");

  @Test
  void theEventReferenceIsUpToDate() throws Exception {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    String expected = EventDocs.render(EventCatalog.standard());

    assertThat(EventDocs.extractSection(page))
        .withFailMessage("docs/events.md is out of date with the schemas: run"
            + " ./mvnw -q -f schemas/pom.xml compile exec:java@docs and commit the page")
        .isEqualTo(expected);
  }

  @Test
  void theReferenceDocumentsEveryEventAndField() {
    String reference = EventDocs.render(EventCatalog.standard());

    for (String event : EventCatalog.standard().eventTypes()) {
      assertThat(reference).contains("#### " + event + "\n");
      EventCatalog.standard().currentSchema(event).getFields()
          .forEach(field -> assertThat(reference).contains("| `" + field.name() + "` |"));
    }
    assertThat(reference).contains("##### EventMetadata").contains("##### PrincipleCode").contains("`FRUGALITY`");
  }
}
