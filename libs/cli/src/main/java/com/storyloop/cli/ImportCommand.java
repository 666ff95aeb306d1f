package com.storyloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `storyloop import FILE --bank ID`: sends a client's story document (Markdown, or JSON for .json files) to the bank's
 * import endpoint. The Idempotency-Key is the document's own hash, so importing the same file twice drafts it once.
 */
final class ImportCommand {

    private static final Pattern DRAFTED = Pattern.compile("\"drafted\"\\s*:\\s*(\\d+)");
    private static final Pattern STORY = Pattern.compile("\"storyId\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PROBLEM = Pattern.compile(
            "\\{\"field\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"(?:\\s*,\\s*\"line\"\\s*:\\s*(\\d+))?");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The demo organisation's admin, whose password `up` wrote to demo-users.txt. */
    static final String DEFAULT_USER = "admin@demo-coaching.example";

    private ImportCommand() {
    }

    static void run(PlatformConfig config, String[] args, PrintStream out) {
        if ((args.length != 3 && args.length != 5) || !args[1].equals("--bank") || (args.length == 5 && !args[3].equals("--user"))) {
            throw new CliException("usage: storyloop import FILE --bank BANK_ID [--user EMAIL]   (FILE: Markdown, or JSON when it ends in .json;"
                    + " EMAIL: who imports, signed in through the console; default " + DEFAULT_USER + ")");
        }
        Path file = Path.of(args[0]);
        String bankId = args[2];
        String user = args.length == 5 ? args[4] : DEFAULT_USER;
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        String url = "http://127.0.0.1:" + config.service("story-service").port() + "/api/banks/" + bankId + "/import";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", json ? "application/json" : "text/markdown; charset=utf-8")
                .header("Idempotency-Key", "import-" + bankId + "-" + sha256(document))
                .header("Authorization", "Bearer " + TokenCommand.tokenFor(config, user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("story-service does not answer at " + url + " (is `./storyloop up` running?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted", e);
        }
        if (response.statusCode() == 201) {
            Matcher drafted = DRAFTED.matcher(response.body());
            String count = drafted.find() ? drafted.group(1) : "?";
            out.println(count + (count.equals("1") ? " story" : " stories") + " drafted in bank " + bankId
                    + (response.headers().firstValue("Idempotent-Replayed").isPresent() ? " (this file was imported before: nothing new)" : ""));
            Matcher story = STORY.matcher(response.body());
            while (story.find()) {
                out.println("  " + story.group(1) + "  " + unescape(story.group(2)));
            }
            return;
        }
        StringBuilder problems = new StringBuilder();
        Matcher detail = DETAIL.matcher(response.body());
        problems.append(detail.find() ? unescape(detail.group(1)) : "HTTP " + response.statusCode());
        Matcher problem = PROBLEM.matcher(response.body());
        while (problem.find()) {
            problems.append("\n  ").append(file.getFileName()).append(problem.group(3) != null ? ":" + problem.group(3) : "").append("  ")
                    .append(unescape(problem.group(1))).append(": ").append(unescape(problem.group(2)));
        }
        throw new CliException(problems.toString());
    }

    private static String unescape(String json) {
        return json.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
