package com.storyloop.story.stories.application.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.web.problems.FieldProblem;

/**
 * Reads a JSON import: {@code {"stories": [story, ...]}} or a bare array, each story with the fields of a draft
 * ({@code title}, {@code situation}/{@code task}/{@code action}/{@code result} or {@code text}, {@code principles},
 * {@code projectTag}). Streams the document so every problem can name its line.
 */
public final class JsonStories {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TEXT_FIELDS = Set.of("title", "situation", "task", "action", "result", "text", "projectTag");

    private JsonStories() {
    }

    public static StoryDocument parse(String json) {
        List<StoryDocument.DocumentStory> stories = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readStories(parser, stories, problems);
            } else if (first == JsonToken.START_OBJECT) {
                boolean found = false;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    int line = line(parser);
                    JsonToken value = parser.nextToken();
                    if (name.equals("stories") && value == JsonToken.START_ARRAY) {
                        found = true;
                        readStories(parser, stories, problems);
                    } else {
                        problems.add(new FieldProblem(name, name.equals("stories") ? "must be an array of stories"
                                : "unknown field: the document is {\"stories\": [...]}", line));
                        parser.skipChildren();
                    }
                }
                if (!found && problems.isEmpty()) {
                    problems.add(new FieldProblem("stories", "missing: the document is {\"stories\": [...]}", 1));
                }
            } else {
                problems.add(new FieldProblem("document", "must be a JSON array of stories, or {\"stories\": [...]}", 1));
            }
            if (problems.isEmpty() && parser.nextToken() != null) {
                problems.add(new FieldProblem("document", "unexpected content after the end of the document", line(parser)));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.add(new FieldProblem("document", "not valid JSON: " + e.getOriginalMessage(), line));
        }
        if (stories.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("stories", "the document holds no stories", 1));
        }
        return new StoryDocument(stories, problems);
    }

    private static void readStories(JsonParser parser, List<StoryDocument.DocumentStory> stories, List<FieldProblem> problems) {
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
            String prefix = "stories[" + index + "]";
            int storyLine = line(parser);
            if (token != JsonToken.START_OBJECT) {
                problems.add(new FieldProblem(prefix, "must be an object with a title and the story's text", storyLine));
                parser.skipChildren();
                continue;
            }
            Map<String, String> texts = new HashMap<>();
            List<String> principles = new ArrayList<>();
            Map<String, Integer> fieldLines = new HashMap<>();
            fieldLines.put("title", storyLine);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int line = line(parser);
                fieldLines.put(name, line);
                if (TEXT_FIELDS.contains(name)) {
                    if (value == JsonToken.VALUE_STRING) {
                        texts.put(name, parser.getString());
                    } else if (value != JsonToken.VALUE_NULL) {
                        problems.add(new FieldProblem(prefix + "." + name, "must be a string", line));
                        parser.skipChildren();
                    }
                } else if (name.equals("principles")) {
                    readPrinciples(parser, value, prefix, principles, fieldLines, problems);
                } else {
                    problems.add(new FieldProblem(prefix + "." + name, "unknown field; a story has title, situation, task, action, result, "
                            + "text, principles and projectTag", line));
                    parser.skipChildren();
                }
            }
            StoryInput input = new StoryInput(texts.get("title"), texts.get("situation"), texts.get("task"), texts.get("action"),
                    texts.get("result"), texts.get("text"), principles, texts.get("projectTag"));
            stories.add(new StoryDocument.DocumentStory(storyLine, input, Map.copyOf(fieldLines)));
        }
    }

    private static void readPrinciples(JsonParser parser, JsonToken value, String prefix, List<String> principles,
                                       Map<String, Integer> fieldLines, List<FieldProblem> problems) {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            problems.add(new FieldProblem(prefix + ".principles", "must be an array of principle codes", line(parser)));
            parser.skipChildren();
            return;
        }
        int i = 0;
        for (JsonToken code = parser.nextToken(); code != JsonToken.END_ARRAY; code = parser.nextToken(), i++) {
            fieldLines.put("principles[" + i + "]", line(parser));
            if (code == JsonToken.VALUE_STRING) {
                principles.add(parser.getString());
            } else {
                problems.add(new FieldProblem(prefix + ".principles[" + i + "]", "must be a principle code (a string)", line(parser)));
                principles.add(null);
                parser.skipChildren();
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
