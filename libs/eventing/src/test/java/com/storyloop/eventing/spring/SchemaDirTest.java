package com.storyloop.eventing.spring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.EventDecodingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service deployed before a schema release reads the events that newer services write once it is given that release's
 * schemas ({@code storyloop.eventing.schema-dir}), instead of dead-lettering them as UNKNOWN_FINGERPRINT.
 */
class SchemaDirTest {

    @TempDir
    Path newerRelease;

    @Test
    void givenANewerReleasesSchemas_whenAnEventOfThatReleaseArrives_thenTheOlderServiceDecodesIt() throws Exception {
        // a next release adds an optional field to StoryBankOpened; a newer service writes an event with it
        Schema current = StoryBankOpened.getClassSchema();
        Schema next = withOptionalField(current, "timeZone");
        Files.createDirectories(newerRelease.resolve("StoryBankOpened"));
        Files.writeString(newerRelease.resolve("StoryBankOpened/v2.avsc"), next.toString(true));
        StoryBankOpened opened = StoryBankOpened.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId("org").setClientId("ada").setStreamId("bank-1")
                        .setStreamVersion(1).setOccurredAt(Instant.parse("2026-11-26T08:00:00Z")).setCorrelationId("c").setActor("t").build())
                .setBankId("bank-1").setCoachId("grace").setTargetRole("Senior PM").setTargetLevel(Level.L6).setInterviewDate(null).build();
        GenericRecord written = new EventCodec().decode(new EventCodec().encode(opened), next); // the same event, in the next release's shape
        written.put("timeZone", "Europe/London");
        GenericData withLogicalTypes = new GenericData();
        withLogicalTypes.addLogicalTypeConversion(new Conversions.UUIDConversion());
        withLogicalTypes.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        withLogicalTypes.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        withLogicalTypes.addLogicalTypeConversion(new TimeConversions.DateConversion());
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(withLogicalTypes, next).encode(written).array();

        EventingProperties withoutIt = new EventingProperties();
        assertThatThrownBy(() -> new EventingAutoConfiguration().eventCodec(withoutIt).decode(bytes))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> assertThat(e.reason().name()).isEqualTo("UNKNOWN_FINGERPRINT"));

        EventingProperties withIt = new EventingProperties();
        withIt.setSchemaDir(newerRelease);
        EventCodec codec = new EventingAutoConfiguration().eventCodec(withIt);
        StoryBankOpened read = (StoryBankOpened) codec.decode(bytes);

        assertThat(read.getBankId()).isEqualTo("bank-1");
        assertThat(read.getTargetLevel()).isEqualTo(Level.L6);
        assertThat(read.getMetadata().getClientId()).isEqualTo("ada");
    }

    private static Schema withOptionalField(Schema schema, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
                Schema.Field.NULL_DEFAULT_VALUE));
        Schema next = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        return new Schema.Parser().parse(next.toString()); // self-contained, as a released file is
    }
}
