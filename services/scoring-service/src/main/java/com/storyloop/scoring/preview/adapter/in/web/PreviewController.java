package com.storyloop.scoring.preview.adapter.in.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storyloop.scoring.preview.application.InvalidPreview;
import com.storyloop.scoring.preview.application.InvalidPreview.Kind;
import com.storyloop.scoring.preview.application.ScorePreview;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/**
 * {@code POST /api/score}: scores a posted story without storing it. The body is JSON
 * ({@code {"text"} or {"situation","task","action","result"}, plus "principles", "level", "rubricVersion"}), or the
 * story itself as {@code text/plain} / {@code text/markdown} with {@code principles}, {@code level} and
 * {@code rubricVersion} as query parameters. The answer is byte for byte what {@code ./storyloop score --json} prints.
 */
@RestController
class PreviewController {

    /** Enough for a 20,000-character story even when every character is a JSON escape; larger is refused unread. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIELDS = List.of("title", "text", "situation", "task", "action", "result", "principles", "level",
            "rubricVersion");

    private final ScorePreview preview;

    PreviewController(ScorePreview preview) {
        this.preview = preview;
    }

    @PostMapping(path = "/api/score")
    ResponseEntity<byte[]> score(HttpServletRequest request, @RequestParam(required = false) List<String> principles,
                                 @RequestParam(required = false) String level, @RequestParam(required = false) String rubricVersion,
                                 Caller caller)
            throws IOException {
        byte[] body = readBounded(request);
        // not UTF-8: the bad bytes become U+FFFD, which the engine refuses as binary content naming the field
        String content = new String(body, StandardCharsets.UTF_8);
        MediaType type = request.getContentType() == null ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(request.getContentType());
        ScorePreview.Request story;
        if (type.getType().equals("text")) {
            story = new ScorePreview.Request(content, null, null, null, null, splitCodes(principles), level, rubricVersion);
        } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            story = fromJson(content);
        } else {
            throw new InvalidPreview(Kind.MALFORMED, new FieldProblem("Content-Type",
                    "send application/json, or the story itself as text/plain or text/markdown"));
        }
        String scorecard = preview.scoreAsCliJson(caller, story);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(scorecard.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readBounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static InvalidPreview tooLarge() {
        return new InvalidPreview(Kind.TOO_LARGE, new FieldProblem("body", "is larger than " + MAX_BODY_BYTES
                + " bytes; a story may have at most 20,000 characters"));
    }

    private static ScorePreview.Request fromJson(String content) {
        if (content.isBlank()) {
            throw new InvalidPreview(Kind.MALFORMED, new FieldProblem("body", "is empty: send a JSON object with the story's text or STAR sections"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidPreview(Kind.MALFORMED, new FieldProblem("body", "is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPreview(Kind.MALFORMED, new FieldProblem("body", "must be a JSON object with the story's text or STAR sections"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                problems.add(new FieldProblem(field.getKey(), "is not a field of a story to score; known fields: " + String.join(", ", FIELDS)));
            }
        }
        String text = string(root, "text", problems);
        String situation = string(root, "situation", problems);
        String task = string(root, "task", problems);
        String action = string(root, "action", problems);
        String result = string(root, "result", problems);
        string(root, "title", problems);
        String level = string(root, "level", problems);
        String rubricVersion = string(root, "rubricVersion", problems);
        List<String> principles = new ArrayList<>();
        JsonNode codes = root.get("principles");
        if (codes != null && !codes.isNull()) {
            if (!codes.isArray()) {
                problems.add(new FieldProblem("principles", "must be a list of principle codes, e.g. [\"CUSTOMER_OBSESSION\"]"));
            } else {
                int i = 0;
                for (JsonNode code : codes.values()) {
                    if (code.isString()) {
                        principles.add(code.stringValue());
                    } else {
                        problems.add(new FieldProblem("principles[" + i + "]", "must be a principle code (a string)"));
                    }
                    i++;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPreview(Kind.MALFORMED, "Invalid " + String.join(", ", problems.stream().map(FieldProblem::field).toList()), problems);
        }
        return new ScorePreview.Request(text, situation, task, action, result, principles, level, rubricVersion);
    }

    private static String string(JsonNode root, String field, List<FieldProblem> problems) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    /** {@code ?principles=A,B} or {@code ?principles=A&principles=B}. */
    private static List<String> splitCodes(List<String> principles) {
        List<String> codes = new ArrayList<>();
        if (principles != null) {
            for (String value : principles) {
                for (String code : value.split(",")) {
                    if (!code.isBlank()) {
                        codes.add(code.strip());
                    }
                }
            }
        }
        return codes;
    }

    @ExceptionHandler(InvalidPreview.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPreview e) {
        HttpStatus status = e.kind() == Kind.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE
                : e.kind() == Kind.UNPROCESSABLE ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        String title = e.kind() == Kind.TOO_LARGE ? "Story too large" : e.kind() == Kind.UNPROCESSABLE ? "Story cannot be scored" : "Invalid story";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title, e.getMessage(), e.problems()));
    }
}
