package com.storyloop.rubric.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.json.ScorecardJson;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.Scorecard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code score [--json] [--principles CODE,...] [--level L6] FILE|-} and {@code score --jsonl FILE|-}.
 * Scores Markdown or text without any running infrastructure.
 *
 * <p>Exit status: 0 scored; 1 a batch had failed lines (each reported as an error line);
 * 2 bad usage or unusable input (empty, too long, not text, unknown principle or level).
 */
public final class ScoreCommand {

    public static final int OK = 0;
    public static final int BATCH_LINE_FAILED = 1;
    public static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage: score [--json] [--principles CODE,...] [--level L4..L8] FILE|-",
            "       score --jsonl FILE|-",
            "",
            "  FILE|-        a Markdown or text story (## Situation / Task / Action / Result headings recognised), - for stdin",
            "  --json        print the full scorecard as JSON instead of the readable report",
            "  --principles  principles the story claims, e.g. CUSTOMER_OBSESSION,DIVE_DEEP",
            "  --level       target level, e.g. L6 or L7 (reports scope expectations)",
            "  --jsonl       score a batch: one JSON object per line",
            "                {\"id\":..., \"text\":..., \"star\": {situation, task, action, result} or null, \"principles\": [...]}",
            "exit status: 0 ok, 1 some batch lines failed, 2 bad usage or input");

    private ScoreCommand() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command; ANSI styling only when {@code out} is the process's terminal. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean ansi = out == System.out && System.console() != null && System.getenv("NO_COLOR") == null;
        return run(args, in, out, err, ansi);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean ansi) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        }
        if (o.help) {
            out.println(USAGE);
            return OK;
        }
        RubricEngine engine = RubricEngine.standard();
        byte[] bytes;
        try {
            bytes = read(o.file, in, o.jsonl ? Long.MAX_VALUE : (long) engine.definition().maxChars() * 4 + 16);
        } catch (NoSuchFileException e) {
            err.println("error: cannot read " + o.file + ": no such file");
            return BAD_INPUT;
        } catch (InputTooLargeException e) {
            err.println("error: the story is larger than " + engine.definition().maxChars() + " characters");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read " + o.file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        return o.jsonl ? batch(engine, bytes, out, err) : single(engine, o, bytes, out, err, ansi);
    }

    private static int single(RubricEngine engine, Options o, byte[] bytes, PrintStream out, PrintStream err, boolean ansi) {
        String text;
        try {
            text = decode(bytes, 0, bytes.length);
        } catch (CharacterCodingException e) {
            err.println("error: " + (o.file.equals("-") ? "standard input" : o.file) + " is not UTF-8 text (binary data?)");
            return BAD_INPUT;
        }
        StoryInput input = StoryInput.text(text).withClaimedPrinciples(o.principles);
        if (o.level != null) {
            input = input.withTargetLevel(o.level);
        }
        Scorecard card;
        try {
            card = engine.score(input);
        } catch (InvalidStoryException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (o.json) {
            out.println(ScorecardJson.toPrettyJson(ScorecardJson.full(card)));
        } else {
            out.print(new TextRenderer(ansi).render(card, o.file.equals("-") ? "stdin" : o.file));
        }
        return OK;
    }

    private static int batch(RubricEngine engine, byte[] bytes, PrintStream out, PrintStream err) {
        int lineNo = 0;
        int scored = 0;
        int failed = 0;
        int start = 0;
        while (start <= bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', start);
            int end = nl < 0 ? bytes.length : nl;
            lineNo++;
            int e = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(bytes, start, e)) {
                ObjectNode result = scoreLine(engine, bytes, start, e, lineNo);
                if (result.has("error")) {
                    failed++;
                } else {
                    scored++;
                }
                out.println(ScorecardJson.toJson(result));
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        err.println("scored " + scored + " stor" + (scored == 1 ? "y" : "ies") + ", " + failed + " failed");
        return failed > 0 ? BATCH_LINE_FAILED : OK;
    }

    private static ObjectNode scoreLine(RubricEngine engine, byte[] bytes, int start, int end, int lineNo) {
        String line;
        try {
            line = decode(bytes, start, end - start);
        } catch (CharacterCodingException ex) {
            return ScorecardJson.errorLine(null, lineNo, "BINARY_CONTENT", "line " + lineNo + " is not UTF-8 text (binary data?)");
        }
        JsonNode node;
        try {
            node = ScorecardJson.mapper().readTree(line);
        } catch (IOException ex) {
            return ScorecardJson.errorLine(null, lineNo, "MALFORMED_JSON", "line " + lineNo + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            return ScorecardJson.errorLine(null, lineNo, "MALFORMED_LINE", "line " + lineNo + " is not a JSON object");
        }
        JsonNode id = node.get("id");
        JsonNode idOut = id == null || id.isNull() ? null : id;
        try {
            StoryInput input = lineInput(node);
            Scorecard card = engine.score(input);
            return ScorecardJson.line(idOut, card);
        } catch (InvalidStoryException ex) {
            return ScorecardJson.errorLine(idOut, lineNo, ex.problem().name(), ex.getMessage());
        } catch (LineException ex) {
            return ScorecardJson.errorLine(idOut, lineNo, "MALFORMED_LINE", ex.getMessage());
        }
    }

    private static StoryInput lineInput(JsonNode node) {
        JsonNode star = node.get("star");
        JsonNode text = node.get("text");
        StoryInput input;
        if (star != null && !star.isNull()) {
            if (!star.isObject()) {
                throw new LineException("\"star\" must be an object with situation, task, action and result, or null");
            }
            input = StoryInput.star(field(star, "situation"), field(star, "task"), field(star, "action"), field(star, "result"));
        } else if (text != null && !text.isNull()) {
            if (!text.isTextual()) {
                throw new LineException("\"text\" must be a string");
            }
            input = StoryInput.text(text.asText());
        } else {
            throw new LineException("the line has neither \"text\" nor \"star\"");
        }
        JsonNode principles = node.get("principles");
        if (principles != null && !principles.isNull()) {
            if (!principles.isArray()) {
                throw new LineException("\"principles\" must be a list of codes");
            }
            List<String> codes = new ArrayList<>();
            for (JsonNode p : principles) {
                if (!p.isTextual()) {
                    throw new LineException("\"principles\" must contain strings");
                }
                codes.add(p.asText());
            }
            input = input.withClaimedPrinciples(codes);
        }
        JsonNode level = node.get("level");
        if (level != null && !level.isNull()) {
            Level l = Level.parse(level.asText()).orElseThrow(() -> new InvalidStoryException(InvalidStoryException.Problem.INVALID_LEVEL,
                    "unknown level '" + level.asText() + "' (use L4 to L8)"));
            input = input.withTargetLevel(l);
        }
        return input;
    }

    private static String field(JsonNode star, String name) {
        JsonNode v = star.get(name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new LineException("\"star." + name + "\" must be a string");
        }
        return v.asText();
    }

    private static byte[] read(String file, InputStream in, long limit) throws IOException {
        if (file.equals("-")) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.write(chunk, 0, n);
                if (buf.size() > limit) {
                    throw new InputTooLargeException();
                }
            }
            return buf.toByteArray();
        }
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
            throw new IOException("it is a directory");
        }
        if (Files.size(p) > limit) {
            throw new InputTooLargeException();
        }
        return Files.readAllBytes(p);
    }

    private static String decode(byte[] b, int off, int len) throws CharacterCodingException {
        String s = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, off, len)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static final class InputTooLargeException extends IOException {
    }

    private static final class LineException extends RuntimeException {
        LineException(String m) {
            super(m);
        }
    }

    static final class UsageException extends Exception {
        UsageException(String m) {
            super(m);
        }
    }

    static final class Options {
        boolean json;
        boolean jsonl;
        boolean help;
        List<String> principles = List.of();
        Level level;
        String file;

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            List<String> a = new ArrayList<>(Arrays.asList(args));
            if (!a.isEmpty() && a.get(0).equals("score")) {
                a.remove(0);
            }
            boolean principlesGiven = false;
            for (int i = 0; i < a.size(); i++) {
                String arg = a.get(i);
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--json":
                        o.json = true;
                        break;
                    case "--jsonl":
                        o.jsonl = true;
                        break;
                    case "-h":
                    case "--help":
                        o.help = true;
                        break;
                    case "--principles": {
                        if (value == null) {
                            if (i + 1 >= a.size()) {
                                throw new UsageException("--principles needs a comma-separated list of codes");
                            }
                            value = a.get(++i);
                        }
                        o.principles = principles(value);
                        principlesGiven = true;
                        break;
                    }
                    case "--level": {
                        if (value == null) {
                            if (i + 1 >= a.size()) {
                                throw new UsageException("--level needs a level such as L6");
                            }
                            value = a.get(++i);
                        }
                        String v = value;
                        o.level = Level.parse(v).orElseThrow(() -> new UsageException("unknown level '" + v + "' (use L4 to L8)"));
                        break;
                    }
                    default:
                        if (arg.startsWith("-") && !arg.equals("-")) {
                            throw new UsageException("unknown option " + arg);
                        }
                        if (o.file != null) {
                            throw new UsageException("only one FILE may be given");
                        }
                        o.file = arg;
                }
            }
            if (o.help) {
                return o;
            }
            if (o.file == null) {
                throw new UsageException("missing FILE (use - for standard input)");
            }
            if (o.jsonl && (o.json || principlesGiven || o.level != null)) {
                throw new UsageException("--jsonl takes principles and text from each line; do not combine it with --json, --principles or --level");
            }
            return o;
        }

        private static List<String> principles(String value) throws UsageException {
            List<String> out = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String p : value.split(",")) {
                String c = p.strip();
                if (c.isEmpty()) {
                    continue;
                }
                if (Principle.parse(c).isEmpty()) {
                    unknown.add(c);
                }
                out.add(c);
            }
            if (!unknown.isEmpty()) {
                throw new UsageException("unknown principle code" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                        + "; known codes: " + String.join(", ", Arrays.stream(Principle.values()).map(Enum::name).toList()));
            }
            return out;
        }
    }
}
