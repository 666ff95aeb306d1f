package com.storyloop.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `token --user EMAIL [--password P]`: signs in through the console and prints only the bearer token, so it composes:
 * {@code curl -H "Authorization: Bearer $(./storyloop token --user ada@demo-coaching.example)" ...}. Without --password it
 * takes a demo user's password from the file `up` wrote, else asks on the terminal (never echoed).
 */
final class TokenCommand {

    static final String USAGE = "usage: storyloop token --user EMAIL [--password PASSWORD]   or   storyloop token --operator";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"");

    private final PlatformConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TokenCommand(PlatformConfig config) {
        this.config = config;
    }

    static void run(PlatformConfig config, String[] args, PrintStream out) {
        if (args.length == 1 && args[0].equals("--operator")) {
            // the installation's operator (projection admin, rubric catalogue) is nobody's account: minted with the local key
            out.println(LocalTokens.operator(config));
            return;
        }
        String user = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                throw new CliException(USAGE);
            }
            switch (args[i]) {
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                default -> throw new CliException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (user == null || user.isBlank()) {
            throw new CliException(USAGE);
        }
        out.println(tokenFor(config, user, password));
    }

    /** A token for {@code email}, signed in through the console with the demo password `up` wrote, else one asked on the terminal. */
    static String tokenFor(PlatformConfig config, String email) {
        return tokenFor(config, email, null);
    }

    private static String tokenFor(PlatformConfig config, String email, String password) {
        TokenCommand command = new TokenCommand(config);
        String chosen = password != null ? password : command.demoPassword(email).or(() -> askOnTerminal(email))
                .orElseThrow(() -> new CliException("No password for " + email + ": pass --password (no terminal to ask on)"));
        return command.signIn(email, chosen);
    }

    /** The password `up` generated for a demo user, from {@code $STORYLOOP_HOME/demo-users.txt}. */
    Optional<String> demoPassword(String email) {
        Path file = demoUsersFile(config);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.startsWith("#")).map(line -> line.trim().split("\\s+"))
                    .filter(fields -> fields.length >= 2 && fields[0].equalsIgnoreCase(email.trim())).map(fields -> fields[1]).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Path demoUsersFile(PlatformConfig config) {
        return config.home().resolve("demo-users.txt");
    }

    private static Optional<String> askOnTerminal(String email) {
        Console terminal = System.console();
        if (terminal == null) {
            return Optional.empty();
        }
        char[] typed = terminal.readPassword("Password for %s: ", email);
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
    }

    String signIn(String email, String password) {
        String console = "http://127.0.0.1:" + config.service("console").port();
        String body = "{\"email\": " + DemoData.quote(email) + ", \"password\": " + DemoData.quote(password) + "}";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(console + "/api/sessions")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("The console does not answer at " + console + " (is the platform up? ./storyloop up): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while signing in", e);
        }
        if (response.statusCode() == 200) {
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (token.find()) {
                return token.group(1);
            }
        }
        Matcher detail = DETAIL.matcher(response.body());
        throw new CliException("sign-in refused (" + response.statusCode() + "): " + (detail.find() ? detail.group(1) : response.body()));
    }
}
