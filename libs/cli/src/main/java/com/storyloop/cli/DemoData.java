package com.storyloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo clients for a fresh platform, loaded through the public HTTP API like any user would; idempotent, so `up` can
 * run it every time.
 */
final class DemoData {

    static final String ORG = "demo-coaching";

    record DemoClient(String clientId, String coachId, String targetRole, String level, int interviewInDays) {
    }

    static final List<DemoClient> CLIENTS = List.of(
            new DemoClient("ada-lovelace", "coach-grace", "Senior Product Manager", "L6", 12),
            new DemoClient("alan-turing", "coach-grace", "Principal Product Manager", "L7", 30),
            new DemoClient("katherine-johnson", "coach-edsger", "Product Manager", "L5", 6));

    private final PlatformConfig config;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoData(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    void load() {
        String story = "http://127.0.0.1:" + config.service("story-service").port();
        int opened = 0;
        for (DemoClient client : CLIENTS) {
            if (send(HttpRequest.newBuilder(URI.create(story + "/api/clients/" + client.clientId() + "/bank")).GET().build()) == 200) {
                continue;
            }
            String body = """
                    {"orgId": "%s", "clientId": "%s", "coachId": "%s", "targetRole": "%s", "targetLevel": "%s", "interviewDate": "%s"}
                    """.formatted(ORG, client.clientId(), client.coachId(), client.targetRole(), client.level(),
                    LocalDate.now().plusDays(client.interviewInDays()));
            int status = send(HttpRequest.newBuilder(URI.create(story + "/api/banks")).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-bank-" + client.clientId())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (status != 201 && status != 200) {
                throw new CliException("Loading demo data failed: POST /api/banks for " + client.clientId() + " answered " + status);
            }
            opened++;
        }
        out.println("Demo data       " + CLIENTS.size() + " clients in organisation " + ORG + (opened == 0 ? " (already loaded)" : " (loaded " + opened + ")"));
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new CliException("Loading demo data failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while loading demo data", e);
        }
    }
}
