package com.storyloop.coverage.principles;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.coverage.principles.PrincipleCoverageIT.Sent;
import com.storyloop.eventing.consumer.DeadLetters;
import com.storyloop.schemas.Topics;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection rebuilt from the beginning of its topics while events keep arriving and readers keep reading. */
class ProjectionRebuildIT extends CoverageServiceIT {


    private String coverage(String client) throws Exception {
        HttpResponse<String> response = get("/api/clients/" + client + "/coverage");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return stable(response.body(), client);
    }

    private static String stable(String body, String client) {
        return body.replace(client, "CLIENT").replaceAll("\"consumerLag\":\\d+", "");
    }

    private void awaitApplied(List<Sent> events) {
        awaitApplied("coverage-principles", events.stream().map(Sent::eventId).toList(), Duration.ofSeconds(120));
    }

    @Test
    void aRebuildUnderWritesEndsEqualToTheLiveViewsRepairsADamagedOneAndReadsNeverFail() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        List<String> before = new ArrayList<>();
        List<Sent> history = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String client = "before-" + i + "-" + UUID.randomUUID();
            before.add(client);
            history.addAll(PrincipleCoverageIT.scenario(org, client));
        }
        PrincipleCoverageIT.send(history);
        awaitApplied(history);
        Map<String, String> expected = new HashMap<>();
        for (String client : before) {
            expected.put(client, coverage(client));
        }
        String reference = expected.get(before.get(1));

        // a projection bug, as far as readers can tell: one client's rows are wrong until the rebuild
        String damaged = before.get(0);
        jdbc.update("update coverage.coverage_story set principles = '', deep_dive = false where client_id = ?", damaged);
        jdbc.update("delete from coverage.coverage_score where client_id = ?", damaged);
        assertThat(coverage(damaged)).isNotEqualTo(expected.get(damaged));

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
        List<String> during = new ArrayList<>();
        List<Sent> duringEvents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String client = "during-" + i + "-" + UUID.randomUUID();
            during.add(client);
            duringEvents.addAll(PrincipleCoverageIT.scenario(org, client));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = pool.submit(() -> {
                String watched = before.get(1);
                while (reading.get()) {
                    try {
                        HttpResponse<String> response = get("/api/clients/" + watched + "/coverage");
                        if (response.statusCode() != 200 || !stable(response.body(), watched).equals(reference)) {
                            failedReads.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failedReads.add(e.toString());
                    }
                    reads.incrementAndGet();
                }
                return null;
            });

            HttpResponse<String> started = asOperator("POST", "/api/admin/projections/coverage-principles/rebuild");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(started.headers().firstValue("Location")).hasValue("/api/admin/projections/coverage-principles");
            HttpResponse<String> again = asOperator("POST", "/api/admin/projections/coverage-principles/rebuild");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("already running").contains("\"field\":\"name\"");

            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < duringEvents.size(); i += 11) {
                    PrincipleCoverageIT.send(duringEvents.subList(i, Math.min(duringEvents.size(), i + 11)));
                }
                return null;
            });

            String progress = awaitRebuildEnded("coverage-principles", Duration.ofMinutes(3));
            assertThat(progress).contains("\"state\":\"DONE\"").contains("\"error\":null").contains("\"tables\":[\"coverage_story\",\"coverage_score\",\"coverage_fact\"]");
            long total = Long.parseLong(progress.replaceAll(".*\"eventsTotal\":(\\d+).*", "$1"));
            long read = Long.parseLong(progress.replaceAll(".*\"eventsRead\":(\\d+).*", "$1"));
            assertThat(total).isGreaterThanOrEqualTo(history.size());
            assertThat(read).isGreaterThanOrEqualTo(total);

            writer.get(2, TimeUnit.MINUTES);
            awaitApplied(duringEvents);
            reading.set(false);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            reading.set(false);
            pool.shutdownNow();
        }

        assertThat(failedReads).as("reads during the rebuild and its switch").isEmpty();
        assertThat(reads.get()).isPositive();
        for (String client : before) {
            assertThat(coverage(client)).as("coverage of %s after the rebuild", client).isEqualTo(expected.get(client));
        }
        for (String client : during) {
            assertThat(coverage(client)).as("a client written during the rebuild lost nothing").isEqualTo(reference);
        }
        assertThat(jdbc.queryForObject("select count(*) from coverage.coverage_fact where org_id = ?", Long.class, org))
                .as("one fact per story or scoring event (a bank's opening is not one)")
                .isEqualTo(history.size() + duringEvents.size() - before.size() - during.size());
        assertThat(jdbc.queryForList("select schema_name from information_schema.schemata where schema_name like '%rebuild%'", String.class))
                .as("the scratch schema is gone").isEmpty();
    }

    @Test
    void aReaderHoldingOneTableWhileAskingForAnotherIsNeverCancelledByTheSwitch() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String client = "joined-" + UUID.randomUUID();
        List<Sent> events = PrincipleCoverageIT.scenario(org, client);
        PrincipleCoverageIT.send(events);
        awaitApplied(events);
        String expected = coverage(client);

        try (Connection reader = jdbc.getDataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.execute("set local statement_timeout = '60s'");
                // the reader holds coverage_score, as a query joining the tables holds the first it opened
                st.executeQuery("select count(*) from coverage.coverage_score").close();

                assertThat(asOperator("POST", "/api/admin/projections/coverage-principles/rebuild").statusCode()).isEqualTo(202);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                        .until(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted and mode = 'AccessExclusiveLock'"
                                + " and relation = 'coverage.coverage_score'::regclass", Long.class) > 0);

                // ...and now asks for the others, which the switch may already hold
                try (ResultSet rs = st.executeQuery("select (select count(*) from coverage.coverage_story)"
                        + " + (select count(*) from coverage.coverage_fact)")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isPositive();
                }
            }
            reader.commit();
        }

        assertThat(awaitRebuildEnded("coverage-principles", Duration.ofMinutes(2))).contains("\"state\":\"DONE\"").contains("\"error\":null");
        assertThat(coverage(client)).isEqualTo(expected);
    }

    @Test
    void everyProjectionOfTheServiceRebuildsToTheSameViews() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String client = "every-" + UUID.randomUUID();
        List<Sent> events = PrincipleCoverageIT.scenario(org, client);
        PrincipleCoverageIT.send(events);
        byte[] poison = ("poison for " + client).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, poison)).get();
        }
        awaitApplied(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/stories/" + client + "-s4/timeline").statusCode() == 200);
        String coverage = coverage(client);
        String timeline = get("/api/stories/" + client + "-s4/timeline").body().replaceAll("\"consumerLag\":\\d+", "");
        String clients = get("/api/orgs/" + org + "/clients").body().replaceAll("\"consumerLag\":\\d+", "");

        for (String projection : List.of("coverage-story-timeline", "coverage-client-directory", "coverage-client-timeline", "coverage-principles")) {
            assertThat(asOperator("POST", "/api/admin/projections/" + projection + "/rebuild").statusCode()).isEqualTo(202);
            assertThat(awaitRebuildEnded(projection, Duration.ofMinutes(2))).as(projection).contains("\"state\":\"DONE\"");
        }

        // the rebuild met the poison record again: dead-lettered again, marked as the rebuild's copy
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(Topics.deadLetter(Topics.STORY_EVENTS, "coverage-principles"),
                records -> records.stream().anyMatch(r -> java.util.Arrays.equals(r.value(), poison)
                        && TestKafka.headers(r).containsKey(DeadLetters.REBUILD)), Duration.ofSeconds(60));
        assertThat(dead.stream().filter(r -> java.util.Arrays.equals(r.value(), poison)).map(r -> TestKafka.headers(r).containsKey(DeadLetters.REBUILD)))
                .as("once by the live consumer, once by the rebuild").containsExactlyInAnyOrder(false, true);

        assertThat(coverage(client)).isEqualTo(coverage);
        assertThat(get("/api/stories/" + client + "-s4/timeline").body().replaceAll("\"consumerLag\":\\d+", "")).isEqualTo(timeline);
        assertThat(get("/api/orgs/" + org + "/clients").body().replaceAll("\"consumerLag\":\\d+", "")).isEqualTo(clients);
    }

    @Test
    void projectionsAreListedAndAnUnknownOneIsAProblemNamingTheField() throws Exception {
        HttpResponse<String> list = asOperator("GET", "/api/admin/projections");
        assertThat(list.statusCode()).isEqualTo(200);
        for (String projection : List.of("coverage-principles", "coverage-story-timeline", "coverage-client-directory", "coverage-client-timeline")) {
            assertThat(list.body()).contains("\"projection\":\"" + projection + "\"");
        }

        HttpResponse<String> unknown = asOperator("POST", "/api/admin/projections/no-such-view/rebuild");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("\"field\":\"name\"").contains("coverage-principles");
    }
}
