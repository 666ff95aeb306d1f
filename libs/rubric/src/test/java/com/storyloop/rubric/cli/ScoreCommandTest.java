package com.storyloop.rubric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = """
            ## Situation
            I was the PM for checkout at a furniture retailer, and a new one-page checkout lifted conversion by 11%.

            ## Task
            I owned checkout quality end to end, so I had to know whether the win was real for every customer.

            ## Action
            Four days after launch, address tickets had nearly tripled, and my VP thought that was a fair price. I disagreed. I read 200 tickets myself and my hypothesis was that autocomplete dropped the flat number. An engineer replayed 500 addresses, which confirmed it. I decided to skip the security review for the fix to save a week.

            ## Result
            Address tickets fell back to 40 a week and refunds dropped by $18,000 a month.
            """;

    record Run(int code, String out, String err) {
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void readableScorecardHighlightsEvidenceWithoutAnsiWhenNotATerminal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("story.md");
        Files.writeString(f, STORY);
        Run r = run("", "score", "--principles", "CUSTOMER_OBSESSION,DIVE_DEEP", "--level", "L6", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("VERDICT FAIL", "rule SEVERE_FLAG", "[SEVERE] SAFEGUARD_BYPASS",
                ">>skip the security review<<", "FRICTION", "\u2588", "L6 expects");
        assertThat(r.out()).doesNotContain("\u001B[");
    }

    @Test
    void jsonOutputIsTheFullScorecard() throws Exception {
        Run r = run(STORY, "--json", "-");
        assertThat(r.code()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("rubricVersion").asText()).isEqualTo("1.0.0");
        assertThat(n.get("segmentation").get("text").asText()).isEqualTo(STORY);
        assertThat(n.get("flags").get(0).get("code").asText()).isEqualTo("SAFEGUARD_BYPASS");
        assertThat(n.get("dimensions").get("FRICTION").get("score").isInt()).isTrue();
        assertThat(n.get("principles").get("fits")).hasSize(16);
    }

    @Test
    void rejectsUnknownPrincipleWithExitCode2() {
        Run r = run(STORY, "--principles", "CUSTOMER_OBSESSION,BE_AWESOME", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown principle code BE_AWESOME");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badInputIsAClearErrorWithExitCode2(@TempDir Path dir) throws Exception {
        assertThat(run("   \n\t ", "-")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("only whitespace");
        });
        assertThat(run("x".repeat(20_001), "-")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("the limit is 20,000");
        });
        byte[] garbage = new byte[512];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        Path bin = dir.resolve("image.png");
        Files.write(bin, garbage);
        assertThat(run("", bin.toString())).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("not UTF-8 text");
        });
        assertThat(run("", dir.resolve("missing.md").toString())).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("no such file");
        });
        assertThat(run(STORY, "--level", "L9", "-").code()).isEqualTo(2);
        assertThat(run(STORY).code()).isEqualTo(2);
    }

    @Test
    void jsonlScoresEachLineAndReportsMalformedLinesWithoutStopping() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String good = m.writeValueAsString(java.util.Map.of("id", "a1", "text", STORY, "principles", List.of("CUSTOMER_OBSESSION")));
        String star = "{\"id\": 7, \"text\": null, \"star\": {\"situation\": \"I was the PM for search.\", \"task\": \"Fix relevance.\", "
                + "\"action\": \"I pulled the top queries and found trade terms missing; my first list failed.\", \"result\": \"Clicks rose 14%.\"}, \"principles\": []}";
        String malformed = "{\"id\": \"b2\", \"text\": \"unterminated";
        String unknown = "{\"id\": \"c3\", \"text\": \"I did it.\", \"principles\": [\"NOT_A_PRINCIPLE\"]}";
        String empty = "{\"id\": \"d4\", \"text\": \"   \"}";
        String last = m.writeValueAsString(java.util.Map.of("id", "e5", "text", STORY));
        Run r = run(String.join("\n", good, star, malformed, "", unknown, empty, last) + "\n", "score", "--jsonl", "-");

        assertThat(r.code()).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).hasSize(6);
        JsonNode first = lines.get(0);
        assertThat(first.get("id").asText()).isEqualTo("a1");
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "verdict", "overall", "rubricVersion", "flags", "dimensions",
                "principles", "principles_demonstrated", "word_count", "action_result_ratio", "speaking_seconds");
        assertThat(first.get("flags").get(0).get("evidence").get(0).fieldNames()).toIterable().containsExactly("start", "end", "text");
        assertThat(first.get("dimensions").get("FRICTION").fieldNames()).toIterable().containsExactly("score", "reason");
        assertThat(first.get("principles").get(0).fieldNames()).toIterable().containsExactly("code", "fit", "evidence");
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(2).get("error").get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(lines.get(3).get("id").asText()).isEqualTo("c3");
        assertThat(lines.get(3).get("error").get("code").asText()).isEqualTo("UNKNOWN_PRINCIPLE");
        assertThat(lines.get(3).get("error").get("message").asText()).contains("NOT_A_PRINCIPLE");
        assertThat(lines.get(4).get("id").asText()).isEqualTo("d4");
        assertThat(lines.get(4).get("error").get("code").asText()).isEqualTo("EMPTY_STORY");
        assertThat(lines.get(5).get("id").asText()).isEqualTo("e5");
        assertThat(lines.get(5).has("verdict")).isTrue();
        assertThat(r.err()).contains("scored 3 stories, 3 failed");
    }

    @Test
    void jsonlWithOnlyGoodLinesExitsZero() throws Exception {
        String good = new ObjectMapper().writeValueAsString(java.util.Map.of("id", "a1", "text", STORY));
        assertThat(run(good + "\n", "--jsonl", "-").code()).isZero();
    }

    @Test
    void jsonlLineWithBinaryBytesIsAnErrorLine() {
        byte[] good = "{\"id\":\"ok\",\"text\":\"I was the PM. I decided to test it and it failed; clicks rose 5%.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Run r = run(all, "--jsonl", "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("\"id\":\"ok\"").contains("BINARY_CONTENT");
    }
}
