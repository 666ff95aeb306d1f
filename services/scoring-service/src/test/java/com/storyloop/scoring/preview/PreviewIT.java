package com.storyloop.scoring.preview;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storyloop.rubric.cli.ScoreCommand;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/score: the CLI's --json output, byte for byte, for the same input; bad input is a problem detail naming the field. */
class PreviewIT extends ScoringServiceIT {

    @TempDir
    Path dir;

    /** The preview stores nothing, so any member may use it: here a client. */
    @BeforeEach
    void signedInAsAClient() {
        token = TestTokens.client("org-preview", "client-preview");
    }

    /** What {@code ./storyloop score --json ...} prints, run in-process. */
    byte[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ScoreCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toByteArray();
    }

    @Test
    void aJsonStoryIsScoredExactlyAsTheCliPrintsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("story.md"), Stories.TEXT);
        byte[] expected = cli("--json", "--principles", "FRUGALITY,DIVE_DEEP", "--level", "L7", file.toString());

        Response response = post("/api/score", Map.of("text", Stories.TEXT, "principles", List.of("FRUGALITY", "DIVE_DEEP"), "level", "L7"))
                .assertStatus(200);

        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.bytes()).isEqualTo(expected);
        assertThat(response.json().get("principles").get("claimed").values()).extracting(n -> n.asString())
                .containsExactly("FRUGALITY", "DIVE_DEEP");
    }

    @Test
    void aMarkdownBodyIsScoredExactlyAsTheCliPrintsTheSameFile() throws Exception {
        String story = "Shouting CAPITALS, “curly quotes”, accents: café — and an emoji 🚀.\n\n" + Stories.TEXT;
        Path file = Files.writeString(dir.resolve("story.md"), story);
        byte[] expected = cli("--json", "--principles", "FRUGALITY", file.toString());

        Response response = send("POST", "/api/score?principles=FRUGALITY", "text/markdown; charset=utf-8",
                story.getBytes(StandardCharsets.UTF_8), Map.of()).assertStatus(200);

        assertThat(response.bytes()).isEqualTo(expected);
    }

    @Test
    void starSectionsAreScoredAsFieldsWithoutStoringAnything() {
        Long before = jdbc.queryForObject("select count(*) from events", Long.class);

        Response response = post("/api/score", Map.of("situation", Stories.SITUATION, "task", Stories.TASK, "action", Stories.ACTION, "result",
                Stories.RESULT)).assertStatus(200);

        assertThat(response.json().get("segmentation").get("mode").asString()).isEqualTo("STAR_FIELDS");
        assertThat(response.json().get("flags").values()).extracting(f -> f.get("code").asString()).contains("SAFEGUARD_BYPASS");
        assertThat(jdbc.queryForObject("select count(*) from events", Long.class)).isEqualTo(before);
    }

    @Test
    void anEmptyOrBlankStoryIsA400NamingTheText() {
        post("/api/score", Map.of("text", "")).assertProblem(400, "text");
        post("/api/score", Map.of("text", " \n\t  ")).assertProblem(400, "text");
        post("/api/score", Map.of("situation", " ", "task", "", "action", "\n", "result", " ")).assertProblem(400, "action");
        post("/api/score", Map.of("principles", List.of("OWNERSHIP"))).assertProblem(400, "text");
        send("POST", "/api/score", "application/json", new byte[0], Map.of()).assertProblem(400, "body");
    }

    @Test
    void aStoryOver20000CharactersIsA413NamingTheText() {
        String tooLong = "I decided to cut the queue. ".repeat(715); // 20,020 characters
        Response response = post("/api/score", Map.of("text", tooLong)).assertProblem(413, "text");
        assertThat(response.json().get("detail").asString()).contains("20,000");
        send("POST", "/api/score", "application/json", new byte[300 * 1024], Map.of()).assertProblem(413, "body");
    }

    @Test
    void anUnknownPrincipleOrLevelIsA422NamingIt() {
        Response response = post("/api/score", Map.of("text", Stories.TEXT, "principles", List.of("FRUGALITY", "BEING_NICE")))
                .assertProblem(422, "principles[1]");
        assertThat(response.body()).contains("BEING_NICE");
        post("/api/score", Map.of("text", Stories.TEXT, "level", "L12")).assertProblem(422, "level");
        post("/api/score", Map.of("text", Stories.TEXT, "rubricVersion", "no-such-rubric")).assertProblem(422, "rubricVersion");
    }

    @Test
    void binaryGarbageIsRefusedNamingWhereItIs() {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        send("POST", "/api/score", "application/json", garbage, Map.of()).assertProblem(400, "body");
        send("POST", "/api/score", "text/plain", garbage, Map.of()).assertProblem(422, "text");
        post("/api/score", Map.of("text", "I led the launch.\u0000\u0001\u0002\u0003 binary")).assertProblem(422, "text");
        Map<String, Object> star = new LinkedHashMap<>(Map.of("situation", Stories.SITUATION, "task", Stories.TASK, "result", Stories.RESULT));
        star.put("action", "\u0007\u0008\u0000 garbage");
        post("/api/score", star).assertProblem(422, "action");
    }

    @Test
    void malformedRequestsNameTheFieldAtFault() {
        post("/api/score", Map.of("text", Stories.TEXT, "situation", "Both at once.")).assertProblem(400, "text");
        post("/api/score", Map.of("text", 42)).assertProblem(400, "text");
        post("/api/score", Map.of("text", Stories.TEXT, "principles", "FRUGALITY")).assertProblem(400, "principles");
        post("/api/score", Map.of("text", Stories.TEXT, "mood", "happy")).assertProblem(400, "mood");
        send("POST", "/api/score", "application/json", "[1, 2".getBytes(StandardCharsets.UTF_8), Map.of()).assertProblem(400, "body");
        send("POST", "/api/score", "application/xml", "<story/>".getBytes(StandardCharsets.UTF_8), Map.of()).assertProblem(400, "Content-Type");
    }
}
