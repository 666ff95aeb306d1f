package com.storyloop.coverage.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.storyloop.testsupport.ServiceBootContract;
import com.storyloop.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;

/** coverage-service booted on real Kafka and PostgreSQL: its schema, tables and metrics, and what its tests wait for. */
public abstract class CoverageServiceIT extends ServiceBootContract {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected String schema() {
        return "coverage";
    }

    @Override
    protected List<String> tables() {
        return List.of("inbox", "consumer_positions", "client_directory", "coverage_story", "coverage_score", "coverage_fact", "timeline_revision",
                "timeline_score", "coach_score", "client_practice_rating");
    }

    @Override
    protected List<String> metrics() {
        return List.of("storyloop_consumer_lag");
    }

    /** Waits until the consumer group has applied (or skipped as duplicates) every one of these events. */
    protected void awaitApplied(String group, Collection<UUID> eventIds, Duration atMost) {
        List<UUID> ids = eventIds.stream().distinct().toList();
        await().atMost(atMost).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.inbox where consumer_group = ? and event_id = any(?)", Long.class, group,
                jdbc.execute((Connection c) -> c.createArrayOf("uuid", ids.toArray()))) == ids.size());
    }

    /**
     * A request without a body sent with this token rather than {@link #token} (null for none): for a test that reads as one
     * caller while another (an operator, a coach) acts, possibly from another thread.
     */
    protected HttpResponse<String> sendAs(String bearerToken, String method, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (bearerToken != null) {
            request.header("Authorization", TestTokens.bearer(bearerToken));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> getAs(String bearerToken, String path) throws Exception {
        return sendAs(bearerToken, "GET", path, null);
    }

    /** The installation's operator, who alone administers projections (and sees no organisation's data). */
    protected HttpResponse<String> asOperator(String method, String path) throws Exception {
        return sendAs(TestTokens.operator(), method, path, null);
    }

    /** Waits, as the operator, until a rebuild of {@code projection} has ended (DONE or FAILED) and returns its progress then. */
    protected String awaitRebuildEnded(String projection, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> asOperator("GET", "/api/admin/projections/" + projection).body(),
                        b -> b.contains("\"state\":\"DONE\"") || b.contains("\"state\":\"FAILED\""));
    }
}
