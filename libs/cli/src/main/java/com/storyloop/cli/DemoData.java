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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo clients for a fresh platform, loaded through the public HTTP API like any user would: a bank per client, and
 * several STAR stories with several revisions each. Idempotent, so `up` can run it every time: banks are looked up
 * before they are opened, and every story POST carries an Idempotency-Key derived from the demo content, so a second
 * run gets the first run's responses back and appends nothing.
 */
final class DemoData {

    static final String ORG = "demo-coaching";

    record DemoClient(String clientId, String coachId, String targetRole, String level, int interviewInDays) {
    }

    static final List<DemoClient> CLIENTS = List.of(
            new DemoClient("ada-lovelace", "coach-grace", "Senior Product Manager", "L6", 12),
            new DemoClient("alan-turing", "coach-grace", "Principal Product Manager", "L7", 30),
            new DemoClient("katherine-johnson", "coach-edsger", "Product Manager", "L5", 6));

    private static final Pattern BANK_ID = Pattern.compile("\"bankId\"\\s*:\\s*\"([^\"]+)\"");

    private final PlatformConfig config;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The demo organisation's admin writes the demo data, as a person at the coaching company would. */
    private final String token;

    DemoData(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.token = LocalTokens.orgAdmin(config, ORG);
    }

    void load() {
        String story = "http://127.0.0.1:" + config.service("story-service").port();
        int opened = 0;
        int stories = 0;
        int revisions = 0;
        int written = 0;
        for (DemoClient client : CLIENTS) {
            HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(story + "/api/clients/" + client.clientId() + "/bank")).GET().build());
            String bankId;
            if (existing.statusCode() == 200) {
                bankId = match(BANK_ID, existing.body(), "bankId of " + client.clientId());
            } else {
                String body = """
                        {"orgId": "%s", "clientId": "%s", "coachId": "%s", "targetRole": "%s", "targetLevel": "%s", "interviewDate": "%s"}
                        """.formatted(ORG, client.clientId(), client.coachId(), client.targetRole(), client.level(),
                        LocalDate.now().plusDays(client.interviewInDays()));
                HttpResponse<String> created = send(post(story + "/api/banks", body, "demo-bank-" + client.clientId(), null));
                expect(created, "POST /api/banks for " + client.clientId(), 201);
                bankId = created.headers().firstValue("Location").orElseThrow().substring("/api/banks/".length());
                opened++;
            }
            for (DemoStories.DemoStory demo : DemoStories.BY_CLIENT.getOrDefault(client.clientId(), List.of())) {
                written += loadStory(story, client, bankId, demo);
                stories++;
                revisions += demo.revisions().size();
            }
        }
        out.println("Demo data       " + CLIENTS.size() + " clients in organisation " + ORG + ", " + stories + " stories with " + revisions
                + " revisions" + (opened == 0 && written == 0 ? " (already loaded)" : " (loaded " + opened + " banks, " + written + " revisions)"));
    }

    /** Drafts the story, then revises it revision by revision; returns how many revisions this run actually wrote. */
    private int loadStory(String base, DemoClient client, String bankId, DemoStories.DemoStory demo) {
        String key = "demo-story-" + client.clientId() + "-" + demo.slug();
        HttpResponse<String> drafted = send(post(base + "/api/banks/" + bankId + "/stories", storyJson(demo, demo.revisions().get(0), false), key, null));
        expect(drafted, "drafting demo story " + demo.slug(), 201);
        String storyId = drafted.headers().firstValue("Location").orElseThrow().substring("/api/stories/".length());
        int written = replayed(drafted) ? 0 : 1;
        for (int n = 2; n <= demo.revisions().size(); n++) {
            // the ETag before revision n is "n-1": the demo writes nothing else, so a re-run sends the very same request
            HttpResponse<String> revised = send(post(base + "/api/stories/" + storyId + "/revisions",
                    storyJson(demo, demo.revisions().get(n - 1), true), key + "-r" + n, "\"" + (n - 1) + "\""));
            if (revised.statusCode() == 412) {
                out.println("Demo data       story '" + demo.title() + "' was changed by someone since; its remaining demo revisions are skipped");
                break;
            }
            expect(revised, "revising demo story " + demo.slug(), 201);
            written += replayed(revised) ? 0 : 1;
        }
        return written;
    }

    static String storyJson(DemoStories.DemoStory demo, DemoStories.Revision revision, boolean withNote) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"title\": ").append(quote(demo.title()));
        json.append(", \"situation\": ").append(quote(revision.situation()));
        json.append(", \"task\": ").append(quote(revision.task()));
        json.append(", \"action\": ").append(quote(revision.action()));
        json.append(", \"result\": ").append(quote(revision.result()));
        json.append(", \"principles\": [").append(String.join(", ", revision.principles().stream().map(DemoData::quote).toList())).append("]");
        if (demo.projectTag() != null) {
            json.append(", \"projectTag\": ").append(quote(demo.projectTag()));
        }
        if (withNote && revision.note() != null) {
            json.append(", \"note\": ").append(quote(revision.note()));
        }
        return json.append("}").toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static HttpRequest post(String url, String json, String idempotencyKey, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    private static boolean replayed(HttpResponse<String> response) {
        return response.headers().firstValue("Idempotent-Replayed").isPresent();
    }

    private static void expect(HttpResponse<String> response, String what, int status) {
        if (response.statusCode() != status) {
            throw new CliException("Loading demo data failed: " + what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String match(Pattern pattern, String body, String what) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new CliException("Loading demo data failed: no " + what + " in " + body);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest signed = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token).build();
        try {
            return http.send(signed, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("Loading demo data failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while loading demo data", e);
        }
    }
}
