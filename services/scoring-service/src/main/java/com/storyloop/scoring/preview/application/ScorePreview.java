package com.storyloop.scoring.preview.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.json.ScorecardJson;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.scoring.preview.application.InvalidPreview.Kind;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.FieldProblem;

/**
 * Scores a story without storing anything (the console's live preview). The answer is the document
 * {@code ./storyloop score --json} prints for the same input, byte for byte: the same engine, the same writer.
 */
@Service
public class ScorePreview {

    /** Free text, or the four STAR fields; claims, level and rubric version are optional. */
    public record Request(String text, String situation, String task, String action, String result, List<String> principles, String level,
                          String rubricVersion) {
    }

    private final RubricCatalog catalog;

    public ScorePreview(RubricCatalog catalog) {
        this.catalog = catalog;
    }

    /** The scorecard as the CLI's {@code --json} prints it: pretty JSON and a line separator, UTF-8. */
    public String scoreAsCliJson(Caller caller, Request request) {
        Access.requireMember(caller); // the text is not stored, so any signed-in member may preview
        return ScorecardJson.toPrettyJson(ScorecardJson.full(score(caller.orgId(), request))) + System.lineSeparator();
    }

    /** @param orgId whose rubric versions may be named (null: the installation's only) */
    public Scorecard score(String orgId, Request request) {
        boolean star = request.situation() != null || request.task() != null || request.action() != null || request.result() != null;
        if (star && request.text() != null) {
            throw new InvalidPreview(Kind.MALFORMED, new FieldProblem("text", "send either the story as text or its STAR sections, not both"));
        }
        if (!star && request.text() == null) {
            throw new InvalidPreview(Kind.MALFORMED, new FieldProblem("text",
                    "is required: the story as text (Markdown headings recognised), or the STAR sections situation, task, action and result"));
        }
        List<String> principles = request.principles() == null ? List.of() : request.principles();
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < principles.size(); i++) {
            if (Principle.parse(principles.get(i)).isEmpty()) {
                unknown.add(new FieldProblem("principles[" + i + "]", "'" + principles.get(i) + "' is not a principle code; known codes: "
                        + String.join(", ", Arrays.stream(Principle.values()).map(Enum::name).toList())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidPreview(Kind.UNPROCESSABLE, "unknown principle code", unknown);
        }
        Level level = null;
        if (request.level() != null) {
            level = Level.parse(request.level()).orElseThrow(() -> new InvalidPreview(Kind.UNPROCESSABLE,
                    new FieldProblem("level", "'" + request.level() + "' is not a level; use L4 to L8")));
        }
        RubricEngine engine = request.rubricVersion() == null ? catalog.standard()
                : catalog.engineFor(orgId, request.rubricVersion()).orElseThrow(() -> new InvalidPreview(Kind.UNPROCESSABLE,
                new FieldProblem("rubricVersion", "'" + request.rubricVersion() + "' is not a known rubric version; known: "
                        + String.join(", ", catalog.versionNamesFor(orgId)))));
        StoryInput input = star ? StoryInput.star(request.situation(), request.task(), request.action(), request.result())
                : StoryInput.text(request.text());
        input = input.withClaimedPrinciples(principles);
        if (level != null) {
            input = input.withTargetLevel(level);
        }
        try {
            return engine.score(input);
        } catch (InvalidStoryException e) {
            throw refused(e, request, star, engine);
        }
    }

    /** The engine's refusal, naming the field at fault: the text, or for STAR the section(s) concerned. */
    private static InvalidPreview refused(InvalidStoryException e, Request request, boolean star, RubricEngine engine) {
        Kind kind = switchKind(e.problem());
        if (!star) {
            return new InvalidPreview(kind, new FieldProblem("text", e.getMessage()));
        }
        String[] names = {"situation", "task", "action", "result"};
        String[] values = {request.situation(), request.task(), request.action(), request.result()};
        List<FieldProblem> problems = new ArrayList<>();
        if (e.problem() == InvalidStoryException.Problem.EMPTY_STORY) {
            for (String name : names) {
                problems.add(new FieldProblem(name, "is empty; the story needs text in at least one STAR section"));
            }
        } else if (e.problem() == InvalidStoryException.Problem.BINARY_CONTENT) {
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null && !values[i].isBlank() && failsAlone(engine, values[i])) {
                    problems.add(new FieldProblem(names[i], e.getMessage()));
                }
            }
        } else {
            int longest = 0;
            for (int i = 1; i < names.length; i++) {
                if (length(values[i]) > length(values[longest])) {
                    longest = i;
                }
            }
            problems.add(new FieldProblem(names[longest], e.getMessage() + " (all four sections together)"));
        }
        if (problems.isEmpty()) {
            problems.add(new FieldProblem("situation", e.getMessage()));
        }
        return new InvalidPreview(kind, e.getMessage(), problems);
    }

    private static Kind switchKind(InvalidStoryException.Problem problem) {
        if (problem == InvalidStoryException.Problem.EMPTY_STORY) {
            return Kind.MALFORMED;
        }
        if (problem == InvalidStoryException.Problem.STORY_TOO_LONG) {
            return Kind.TOO_LARGE;
        }
        return Kind.UNPROCESSABLE;
    }

    private static boolean failsAlone(RubricEngine engine, String section) {
        try {
            engine.score(StoryInput.text(section));
            return false;
        } catch (InvalidStoryException e) {
            return e.problem() == InvalidStoryException.Problem.BINARY_CONTENT;
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
