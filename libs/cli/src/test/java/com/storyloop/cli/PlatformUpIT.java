package com.storyloop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storyloop.runtime.Ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `storyloop up` as a new user runs it, on free ports and a fresh data folder: PostgreSQL, Kafka, topics, all five apps
 * healthy, demo data loaded and flowing to the coverage service; `status`, `logs`, `republish` and `rebuild` work on it;
 * `up` again is harmless; `down` stops exactly that; `reset` removes the data.
 */
class PlatformUpIT {

    @TempDir
    Path home;

    @Test
    void upStartsAHealthyPlatformWithDemoDataAndDownStopsIt() throws Exception {
        home.toFile().setExecutable(true, false);
        Map<String, String> env = RunningPlatform.freePorts(home);
        PlatformConfig config = PlatformConfig.fromEnvironment(env);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Platform platform = new Platform(config, new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            platform.up(true);

            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Console: http://localhost:" + env.get("STORYLOOP_CONSOLE_PORT"));
            assertThat(printed).contains("Demo data       3 clients").contains("9 stories with 27 revisions");
            assertThat(printed).contains("Demo users").containsPattern("ada@demo-coaching.example +\\S+ +CLIENT +ada-lovelace");
            ByteArrayOutputStream token = new ByteArrayOutputStream();
            TokenCommand.run(config, new String[] {"--user", "ada@demo-coaching.example"}, new PrintStream(token, true, StandardCharsets.UTF_8));
            assertThat(token.toString(StandardCharsets.UTF_8).trim()).as("a JWT: header.claims.signature").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            for (PlatformConfig.Service service : config.services()) {
                assertThat(platform.healthy(service)).as(service.name()).isTrue();
                assertThat(printed).containsPattern(service.name() + " +" + service.port() + " +healthy");
            }
            HttpClient http = HttpClient.newHttpClient();
            String coverage = "http://127.0.0.1:" + config.service("coverage-service").port() + "/api/orgs/" + DemoData.ORG + "/clients";
            // a demo coach signed in through the console sees her own clients in another service, and only hers
            HttpRequest asGrace = HttpRequest.newBuilder(URI.create(coverage))
                    .header("Authorization", "Bearer " + TokenCommand.tokenFor(config, "grace@demo-coaching.example")).build();
            await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                    http.send(asGrace, HttpResponse.BodyHandlers.ofString()).body().contains("alan-turing"));
            assertThat(http.send(asGrace, HttpResponse.BodyHandlers.ofString()).body()).contains("ada-lovelace").doesNotContain("katherine-johnson");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(coverage)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("no token").isEqualTo(401);
            assertThat(Files.list(config.logs()).map(p -> p.getFileName().toString()))
                    .contains("kafka.log", "postgres.log", "story-service.log", "console.log");

            output.reset();
            new RebuildCommand(config, new PrintStream(output, true, StandardCharsets.UTF_8), java.time.Duration.ofMillis(100)).rebuild("coverage");
            String rebuilt = output.toString(StandardCharsets.UTF_8);
            for (String projection : new String[] {"coverage-principles", "coverage-story-timeline", "coverage-client-directory", "coverage-client-timeline"}) {
                assertThat(rebuilt).containsPattern(projection + ": rebuilt [0-9]+ events");
            }
            assertThat(rebuilt).containsPattern("coverage-principles: rebuilt [1-9][0-9]* events");
            assertThat(rebuilt).contains("100% ");
            assertThat(http.send(asGrace, HttpResponse.BodyHandlers.ofString()).body())
                    .as("the demo clients are still there after the rebuild").contains("ada-lovelace");

            // the operator commands, as typed
            Command status = Command.run(env, "status");
            assertThat(status.exit()).isZero();
            for (PlatformConfig.Service service : config.services()) {
                assertThat(status.out()).containsPattern(service.name() + " +" + service.port() + " +healthy");
            }
            assertThat(Command.run(env, "logs").out()).contains("story-service.log").contains("kafka.log");
            String[] storyLog = Command.run(env, "logs", "story").out().strip().split("\n");
            assertThat(storyLog.length).isBetween(2, 201);
            assertThat(Files.readString(config.logs().resolve("story-service.log"))).as("the story-service log's last lines")
                    .contains(storyLog[storyLog.length - 1]);
            Command nowhere = Command.run(env, "republish", "story-service", "--from", "999999999");
            assertThat(nowhere.exit()).isEqualTo(1);
            assertThat(nowhere.err()).contains("No event at or after position 999999999; the last event is at");
            Command again = Command.run(env, "republish", "story-service", "--from", "1");
            assertThat(again.exit()).isZero();
            assertThat(again.out()).containsPattern("story-service: the relay will publish [1-9][0-9]* events again, every event from position 1 on");
            await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                    http.send(asGrace, HttpResponse.BodyHandlers.ofString()).body().contains("ada-lovelace"));

            // a client's story document into her bank, as typed; a document with a problem is refused whole, naming its line
            String adasBank = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.service("story-service").port()
                            + "/api/clients/ada-lovelace/bank")).header("Authorization", "Bearer " + TokenCommand.tokenFor(config, "grace@demo-coaching.example"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll("(?s).*?\"bankId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            Path document = home.resolve("stories.md");
            Files.writeString(document, """
                    # Cut the release checklist from 40 steps to 12
                    Principles: INVENT_AND_SIMPLIFY
                    ## Situation
                    Releases took two days because of a 40-step checklist.
                    ## Task
                    I owned the release process.
                    ## Action
                    I measured which steps had caught a problem in the last year and removed the 28 that never had.
                    ## Result
                    Releases now take three hours and no incident has been traced to a removed step.
                    """);
            Command imported = Command.run(env, "import", document.toString(), "--bank", adasBank);
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("1 story drafted in bank " + adasBank).contains("Cut the release checklist from 40 steps to 12");
            Path broken = home.resolve("broken.md");
            Files.writeString(broken, "# A story\nPrinciples: GRIT\n## Situation\nSomething happened.\n");
            Command refused = Command.run(env, "import", broken.toString(), "--bank", adasBank);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("GRIT").contains("broken.md:2");

            output.reset();
            platform.up(true);
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("already running").contains("(already loaded)");
        } finally {
            platform.down();
        }
        assertThat(Ports.inUse(config.postgresPort())).isFalse();
        Command reset = Command.run(env, "reset");
        assertThat(reset.exit()).isZero();
        assertThat(reset.out()).contains("Removed " + config.home());
        assertThat(config.home()).doesNotExist();
        Files.createDirectories(home); // for JUnit to clean up
        assertThat(Ports.inUse(config.kafkaPort())).isFalse();
        for (PlatformConfig.Service service : config.services()) {
            assertThat(Ports.inUse(service.port())).as(service.name()).isFalse();
        }
    }

    /** One `./storyloop` command line run in-process, with what it printed. */
    record Command(int exit, String out, String err) {

        static Command run(Map<String, String> env, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Storyloop.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Command(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
