package com.storyloop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command's side of POST /api/sessions, against a stand-in console on a free port (the console's own side is
 * SignInIT in services/console).
 */
class TokenCommandTest {

    @TempDir
    Path home;

    HttpServer console;
    boolean stopped;
    final AtomicReference<String> received = new AtomicReference<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void standInConsole() throws Exception {
        console = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        console.createContext("/api/sessions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.set(body);
            boolean right = body.contains("\"password\": \"s3cret\"");
            byte[] answer = (right ? "{\"accessToken\":\"eyJ.header.sig\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"
                    : "{\"title\":\"Sign-in failed\",\"status\":401,\"detail\":\"The email or the password is not right\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", right ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(right ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        console.start();
    }

    @AfterEach
    void stop() {
        if (!stopped) {
            console.stop(0);
        }
    }

    PlatformConfig config() {
        return PlatformConfig.fromEnvironment(Map.of("STORYLOOP_HOME", home.toString(),
                "STORYLOOP_CONSOLE_PORT", Integer.toString(console.getAddress().getPort())));
    }

    void token(String... args) {
        TokenCommand.run(config(), args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOnlyTheTokenSoItCanBeUsedInAShell() {
        token("--user", "ada@demo-coaching.example", "--password", "s3cret");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("eyJ.header.sig" + System.lineSeparator());
        assertThat(received.get()).isEqualTo("{\"email\": \"ada@demo-coaching.example\", \"password\": \"s3cret\"}");
    }

    @Test
    void aDemoUsersPasswordComesFromTheFileUpWrote() throws Exception {
        Files.writeString(home.resolve("demo-users.txt"), """
                # Storyloop demo users (local development only). email password role id
                admin@demo-coaching.example        other              ORG_ADMIN  demo-coaching
                ada@demo-coaching.example          s3cret             CLIENT     ada-lovelace
                """);

        token("--user", "Ada@demo-coaching.example");

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("eyJ.header.sig");
    }

    @Test
    void aRefusedSignInSaysWhatTheConsoleSaid() {
        assertThatThrownBy(() -> token("--user", "ada@demo-coaching.example", "--password", "guess"))
                .isInstanceOf(CliException.class).hasMessage("sign-in refused (401): The email or the password is not right");
    }

    @Test
    void theUserIsRequired() {
        assertThatThrownBy(() -> token("--password", "s3cret")).hasMessage(TokenCommand.USAGE);
        assertThatThrownBy(() -> token("--user")).hasMessage(TokenCommand.USAGE);
    }

    @Test
    void aConsoleThatIsNotRunningIsNamed() {
        console.stop(0);
        stopped = true;

        assertThatThrownBy(() -> token("--user", "ada@demo-coaching.example", "--password", "s3cret"))
                .hasMessageContaining("The console does not answer at http://127.0.0.1:").hasMessageContaining("./storyloop up");
    }
}
