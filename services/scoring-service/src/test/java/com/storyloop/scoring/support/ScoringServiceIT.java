package com.storyloop.scoring.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.ServiceTestProperties;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring-service against the shared real Kafka and PostgreSQL, seen from outside: story events produced to
 * story.events, HTTP in, events read back from scoring.events.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ScoringServiceIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration PATIENCE = Duration.ofSeconds(90);
    protected static final EventCodec CODEC = new EventCodec();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    protected Environment environment;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** The bearer token every request presents (see {@link TestTokens}); null sends none. */
    protected String token;

    protected record Response(int status, Map<String, List<String>> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst().map(e -> e.getValue().get(0))
                    .orElse(null);
        }

        public Response assertStatus(int expected) {
            assertThat(status).as(body()).isEqualTo(expected);
            return this;
        }

        /** An RFC 9457 problem detail with this status, naming this field in its errors. */
        public Response assertProblem(int expected, String field) {
            assertStatus(expected);
            assertThat(header("Content-Type")).contains("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expected);
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
            assertThat(problem.get("errors").values()).as(body()).extracting(e -> e.get("field").asString()).contains(field);
            return this;
        }
    }

    protected Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    protected Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    protected Response post(String path, Object json) {
        return send("POST", path, "application/json", JSON.writeValueAsBytes(json), Map.of());
    }

    /** The same request as {@code token}'s holder, whatever the test's current token is. */
    protected Response getAs(String token, String path) {
        return send("GET", path, null, null, Map.of("Authorization", TestTokens.bearer(token)));
    }

    protected Response postAs(String token, String path, Object json) {
        return send("POST", path, "application/json", JSON.writeValueAsBytes(json), Map.of("Authorization", TestTokens.bearer(token)));
    }

    /** Sends story events to story.events as story-service would: Avro single-object encoding, keyed by metadata.clientId. */
    protected static void produce(SpecificRecord... events) {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (SpecificRecord event : events) {
                producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, EventCodec.metadataOf(event).getClientId(), CODEC.encode(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void produceRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decoded record of scoring.events with its key. */
    protected record Scored(String key, SpecificRecord event, long timestamp) {
    }

    /** Reads scoring.events from the start until the decoded events satisfy {@code done}. */
    protected static List<Scored> readScoringEvents(Predicate<List<Scored>> done) {
        List<Scored> decoded = new ArrayList<>();
        TestKafka.readUntil(Topics.SCORING_EVENTS, records -> {
            decoded.clear();
            for (ConsumerRecord<String, byte[]> record : records) {
                decoded.add(new Scored(record.key(), CODEC.decode(record.value()), record.timestamp()));
            }
            return done.test(decoded);
        }, PATIENCE);
        return decoded;
    }

    protected static List<RevisionScored> revisionsScored(List<Scored> events, String storyId) {
        return events.stream().map(Scored::event).filter(e -> e instanceof RevisionScored).map(e -> (RevisionScored) e)
                .filter(e -> e.getStoryId().equals(storyId)).toList();
    }
}
