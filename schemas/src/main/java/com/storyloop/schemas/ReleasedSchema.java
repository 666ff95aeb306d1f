package com.storyloop.schemas;

import org.apache.avro.Schema;

/**
 * One frozen, released version of an event schema: {@code history/<eventType>/v<version>.avsc}.
 *
 * @param eventType simple record name of the event, e.g. {@code StoryRevised}
 * @param version release number, from 1
 * @param schema the self-contained writer schema of that version
 * @param fingerprint CRC-64-AVRO fingerprint of the schema's parsing canonical form
 */
public record ReleasedSchema(String eventType, int version, Schema schema, long fingerprint) {

  /** Path of the version relative to the history folder, e.g. {@code StoryRevised/v1.avsc}. */
  public String relativePath() {
    return eventType + "/v" + version + ".avsc";
  }
}
