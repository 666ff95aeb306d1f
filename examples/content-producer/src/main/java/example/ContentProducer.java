package example;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a small pack of interview questions to Storyloop's content.inbound topic, the way a content partner would:
 * Avro single-object encoding with the released QuestionPublished schema, keyed by the providerId.
 *
 * <pre>
 * java -cp ... example.ContentProducer BOOTSTRAP SCHEMA_HISTORY_DIR ORG_ID PROVIDER_ID PACK_ID PACK_VERSION
 * e.g. localhost:19092 ../../schemas/history org-acme-coaching interview-kit-co lp-pack-2025 3
 * </pre>
 */
public final class ContentProducer {

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ContentProducer BOOTSTRAP SCHEMA_HISTORY_DIR ORG_ID PROVIDER_ID PACK_ID PACK_VERSION");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            send(producer, Path.of(args[1]), args[2], args[3], args[4], args[5], examplePack());
        }
    }

    /** One question of a pack: id stable across pack versions, principle code, text, probes, optional level (L6, L7 ...). */
    public record PackQuestion(String questionId, String principle, String text, List<String> probes, String level) {
    }

    public static List<PackQuestion> examplePack() {
        return List.of(
                new PackQuestion("frugality-07", "FRUGALITY", "Tell me about a time you delivered more with less.",
                        List.of("What exactly did you cut?", "What did it cost?", "What would you change?"), null),
                new PackQuestion("dive-deep-03", "DIVE_DEEP", "Tell me about a time an average hid a problem.",
                        List.of("Which data did you pull yourself?", "What was your first wrong hypothesis?", "What changed because of it?"), "L7"));
    }

    /** Encodes every question with the released schema and sends it keyed by the providerId; returns after the broker acknowledged all. */
    public static void send(KafkaProducer<String, byte[]> producer, Path schemaHistory, String orgId, String providerId, String packId,
                            String packVersion, List<PackQuestion> questions) throws Exception {
        Schema schema = new Schema.Parser().parse(schemaHistory.resolve("QuestionPublished/v1.avsc").toFile());
        BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), schema);
        long position = 0;
        for (PackQuestion q : questions) {
            GenericRecord metadata = new GenericData.Record(schema.getField("metadata").schema());
            metadata.put("eventId", UUID.randomUUID().toString());
            metadata.put("orgId", orgId);
            metadata.put("clientId", providerId);
            metadata.put("streamId", packId);
            metadata.put("streamVersion", ++position);
            metadata.put("occurredAt", Instant.now().toEpochMilli());
            metadata.put("correlationId", UUID.randomUUID().toString());
            metadata.put("causationId", null);
            metadata.put("actor", "provider:" + providerId);

            GenericRecord question = new GenericData.Record(schema);
            question.put("metadata", metadata);
            question.put("providerId", providerId);
            question.put("packId", packId);
            question.put("packVersion", packVersion);
            question.put("questionId", q.questionId());
            question.put("principle", new GenericData.EnumSymbol(schema.getField("principle").schema(), q.principle()));
            question.put("text", q.text());
            question.put("probes", q.probes());
            Schema levelSchema = schema.getField("level").schema().getTypes().get(1);
            question.put("level", q.level() == null ? null : new GenericData.EnumSymbol(levelSchema, q.level()));

            ByteBuffer encoded = encoder.encode(question);
            byte[] value = new byte[encoded.remaining()];
            encoded.get(value);
            producer.send(new ProducerRecord<>("content.inbound", providerId, value)).get();
        }
    }
}
