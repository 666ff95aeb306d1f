package com.storyloop.story.bank;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.ServiceTestProperties;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The service boots against the real broker and database, and an HTTP command makes the round trip to Kafka. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenBankRoundTripIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventCodec codec;

    final HttpClient http = HttpClient.newHttpClient();

    /** Who asks: an admin of the organisation these tests open banks in, unless a test acts as someone else. */
    String token = TestTokens.orgAdmin("org-rt");

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void openingABankStoresTheEventAndPublishesItKeyedByClient() throws Exception {
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.client("org-rt", client); // the client opens their own bank
        HttpResponse<String> created = send("POST", "/api/banks", """
                {"orgId": "org-rt", "clientId": "%s", "coachId": "coach-1", "targetRole": "Senior PM", "targetLevel": "L6", "interviewDate": "2027-01-15"}
                """.formatted(client));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/banks/"));
        String bankId = created.headers().firstValue("Location").orElseThrow().substring("/api/banks/".length());
        assertThat(jdbc.queryForObject("select count(*) from events where stream_id = ? and event_type = 'StoryBankOpened'", Long.class, bankId))
                .isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.STORY_EVENTS,
                read -> read.stream().anyMatch(r -> client.equals(r.key())), Duration.ofSeconds(60));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> client.equals(r.key())).findFirst().orElseThrow();
        StoryBankOpened event = (StoryBankOpened) codec.decode(record.value());
        assertThat(event.getBankId()).isEqualTo(bankId);
        assertThat(event.getTargetRole()).isEqualTo("Senior PM");
        assertThat(event.getMetadata().getOrgId()).isEqualTo("org-rt");
        assertThat(event.getMetadata().getStreamVersion()).isEqualTo(1);
        assertThat(event.getMetadata().getActor()).as("the token's subject is the actor").isEqualTo("test-" + client);

        HttpResponse<String> read = send("GET", "/api/clients/" + client + "/bank", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(bankId).contains("\"targetLevel\":\"L6\"");
    }

    @Test
    void aSecondBankForTheSameClientIsRefusedAndAppendsNothing() throws Exception {
        String client = "client-" + UUID.randomUUID();
        String body = """
                {"orgId": "org-rt", "clientId": "%s", "targetRole": "PM", "targetLevel": "L5"}
                """.formatted(client);
        assertThat(send("POST", "/api/banks", body).statusCode()).isEqualTo(201);
        long before = jdbc.queryForObject("select count(*) from events", Long.class);

        HttpResponse<String> again = send("POST", "/api/banks", body);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(again.body()).contains("\"field\":\"clientId\"");
        assertThat(jdbc.queryForObject("select count(*) from events", Long.class)).isEqualTo(before);
    }

    @Test
    void invalidInputIsAProblemDetailNamingTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/api/banks", """
                {"orgId": "org-rt", "clientId": "", "targetRole": "PM", "targetLevel": "L9"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"targetLevel\"");
    }

    @Test
    void healthAndPrometheusMetricsAreExposed() throws Exception {
        token = null; // orchestrators and Prometheus carry no token
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("storyloop_relay_lag");
    }
}
