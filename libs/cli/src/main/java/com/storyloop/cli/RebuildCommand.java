package com.storyloop.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `rebuild NAME`: rebuilds a projection, or every rebuildable projection of a service, through the service's admin API,
 * with a progress bar; the current views keep serving until each rebuild switches over.
 */
final class RebuildCommand {

    private static final Pattern PROJECTION = Pattern.compile("\"projection\":\"([^\"]+)\"[^}]*?\"tables\":\\[([^\\]]*)\\]");

    private final PlatformConfig config;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration pollEvery;
    private String operatorToken;

    RebuildCommand(PlatformConfig config, PrintStream out, Duration pollEvery) {
        this.config = config;
        this.out = out;
        this.pollEvery = pollEvery;
    }

    static void run(PlatformConfig config, String[] args, PrintStream out) {
        if (args.length != 1) {
            throw new CliException("usage: storyloop rebuild SERVICE|PROJECTION   (e.g. coverage, or coverage-principles)");
        }
        new RebuildCommand(config, out, Duration.ofMillis(500)).rebuild(args[0]);
    }

    /** @return each rebuilt projection's final progress (JSON: eventsRead, eventsPerSecond, switchPauseMillis, ...) */
    List<String> rebuild(String name) {
        List<String[]> targets = new ArrayList<>(); // {service base URL, projection}
        PlatformConfig.Service named = config.services().stream()
                .filter(s -> s.name().equals(name) || s.name().equals(name + "-service")).findFirst().orElse(null);
        for (PlatformConfig.Service service : named != null ? List.of(named) : config.services()) {
            String base = "http://127.0.0.1:" + service.port();
            String listing = get(base + "/api/admin/projections", named != null);
            if (listing == null) {
                continue;
            }
            Matcher m = PROJECTION.matcher(listing);
            while (m.find()) {
                boolean rebuildable = !m.group(2).isBlank();
                if ((named != null && rebuildable) || m.group(1).equals(name)) {
                    targets.add(new String[] {base, m.group(1)});
                }
            }
        }
        if (targets.isEmpty()) {
            throw new CliException(named != null ? named.name() + " has no rebuildable projection"
                    : "No running service has a projection named " + name + " (is the platform up? ./storyloop status)");
        }
        List<String> finished = new ArrayList<>();
        for (String[] target : targets) {
            finished.add(rebuildOne(target[0], target[1]));
        }
        return finished;
    }

    private String rebuildOne(String base, String projection) {
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/projections/" + projection + "/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (started.statusCode() != 202) {
            throw new CliException("rebuild of " + projection + " refused (" + started.statusCode() + "): " + field(started.body(), "detail"));
        }
        out.println("Rebuilding " + projection + " from the beginning of its topics; the current views keep serving");
        String progress = started.body();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.HOURS.toNanos(6);
        while (true) {
            if (System.nanoTime() > deadline) {
                out.println();
                throw new CliException("rebuild of " + projection + " still " + field(progress, "state") + " after 6 hours; see GET " + base
                        + "/api/admin/projections/" + projection);
            }
            String state = field(progress, "state");
            out.print("\r" + bar(progress));
            out.flush();
            if ("DONE".equals(state)) {
                out.println();
                out.println(projection + ": rebuilt " + number(progress, "eventsRead") + " events at " + number(progress, "eventsPerSecond")
                        + " events/s; the switch held new events for " + number(progress, "switchPauseMillis") + " ms");
                return progress;
            }
            if ("FAILED".equals(state)) {
                out.println();
                throw new CliException("rebuild of " + projection + " failed, the current views are unchanged: " + field(progress, "error"));
            }
            pause();
            progress = get(base + "/api/admin/projections/" + projection, true);
        }
    }

    static String bar(String progress) {
        long read = number(progress, "eventsRead");
        long total = Math.max(1, number(progress, "eventsTotal"));
        int percent = "DONE".equals(field(progress, "state")) ? 100 : (int) Math.min(100, read * 100 / total);
        int filled = percent * 30 / 100;
        String eta = field(progress, "etaSeconds");
        return String.format(Locale.ROOT, "[%s%s] %3d%% %,d/%,d events %,d/s %s%-9s", "#".repeat(filled), ".".repeat(30 - filled), percent, read,
                number(progress, "eventsTotal"), number(progress, "eventsPerSecond"), field(progress, "state"),
                eta == null ? "" : " ETA " + eta + "s");
    }

    private String get(String url, boolean required) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + operatorToken())
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                if (required) {
                    throw new CliException(url + " answered " + response.statusCode() + ": " + field(response.body(), "detail"));
                }
                return null;
            }
            return response.body();
        } catch (java.io.IOException e) {
            if (required) {
                throw new CliException("Cannot reach " + url + " (is the platform up? ./storyloop status)");
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** Rebuilds and their progress are installation administration: an operator's, minted with the local development key. */
    private String operatorToken() {
        if (operatorToken == null) {
            operatorToken = LocalTokens.operator(config);
        }
        return operatorToken;
    }

    private HttpResponse<String> send(HttpRequest request) {
        request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + operatorToken()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new CliException("Cannot reach " + request.uri() + " (is the platform up? ./storyloop status)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** A top-level string or number field of a flat JSON object (the admin API's progress document). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE]+|null|true|false)").matcher(json);
        if (!m.find() || m.group(1).equals("null")) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    static long number(String json, String name) {
        String value = field(json, name);
        return value == null ? 0 : Math.round(Double.parseDouble(value));
    }

    private void pause() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
