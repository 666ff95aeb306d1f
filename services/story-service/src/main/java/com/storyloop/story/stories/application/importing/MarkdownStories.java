package com.storyloop.story.stories.application.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.web.problems.FieldProblem;

/**
 * Reads the Markdown story format coaching clients already keep:
 *
 * <pre>
 * # Title of the story
 * Principles: CUSTOMER_OBSESSION, Dive Deep
 * Project: checkout-2024            (optional)
 * ## Situation
 * ...
 * ## Task / ## Action / ## Result
 * </pre>
 *
 * A story without {@code ##} sections is free text. Section text keeps its own line endings and inner blank lines;
 * only the blank lines around it are dropped. Headings inside fenced code blocks are text.
 */
public final class MarkdownStories {

    private static final Pattern STORY_HEADING = Pattern.compile("^#(?:[ \\t]+(.*?))?\\s*$");
    private static final Pattern SECTION_HEADING = Pattern.compile("^##(?:[ \\t]+(.*?))?[ \\t#]*$");
    private static final Pattern PRINCIPLES = Pattern.compile("^\\s*principles\\s*:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROJECT = Pattern.compile("^\\s*project\\s*:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
    private static final List<String> SECTIONS = List.of("situation", "task", "action", "result");

    private MarkdownStories() {
    }

    public static StoryDocument parse(String markdown) {
        List<StoryDocument.DocumentStory> stories = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        StoryBeingRead story = null;
        boolean inFence = false;
        int number = 0;
        for (Line line : lines(markdown)) {
            number++;
            String content = line.content();
            if (FENCE.matcher(content).matches()) {
                inFence = !inFence;
            }
            Matcher storyHeading = STORY_HEADING.matcher(content);
            if (!inFence && storyHeading.matches()) {
                finish(story, stories, problems);
                story = new StoryBeingRead(stories.size(), number, storyHeading.group(1) == null ? "" : storyHeading.group(1));
                continue;
            }
            if (story == null) {
                if (!content.isBlank()) {
                    problems.add(new FieldProblem("document", "text before the first story: every story starts with a '# Title' line", number));
                    story = new StoryBeingRead(-1, number, null);
                }
                continue;
            }
            if (inFence) {
                story.text(line, number);
                continue;
            }
            Matcher section = SECTION_HEADING.matcher(content);
            Matcher principles = PRINCIPLES.matcher(content);
            Matcher project = PROJECT.matcher(content);
            if (section.matches()) {
                story.section(section.group(1), number, problems);
            } else if (principles.matches()) {
                story.principles(principles.group(1), number);
            } else if (project.matches()) {
                story.project(project.group(1).strip(), number);
            } else {
                story.text(line, number);
            }
        }
        finish(story, stories, problems);
        if (stories.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("document", "no stories found: start each story with a '# Title' line", 1));
        }
        return new StoryDocument(stories, problems);
    }

    private static void finish(StoryBeingRead story, List<StoryDocument.DocumentStory> stories, List<FieldProblem> problems) {
        StoryDocument.DocumentStory finished = story == null ? null : story.finish(problems);
        if (finished != null) {
            stories.add(finished);
        }
    }

    /** A line's text and the line ending it had, so sections keep CRLF or LF exactly as written. */
    record Line(String content, String ending) {
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(new Line(text.substring(start, end), text.substring(end, i + 1)));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new Line(text.substring(start), ""));
        }
        return lines;
    }

    /** One story while its lines are read. */
    private static final class StoryBeingRead {

        private final int index;
        private final int line;
        private final String title;
        private final Map<String, Integer> fieldLines = new HashMap<>();
        private final Map<String, List<Line>> sections = new LinkedHashMap<>();
        private final List<Line> freeText = new ArrayList<>();
        private int firstFreeTextLine;
        private String currentSection;
        private boolean inUnknownSection;
        private List<String> principles = List.of();
        private String projectTag;

        StoryBeingRead(int index, int line, String title) {
            this.index = index;
            this.line = line;
            this.title = title;
            fieldLines.put("title", line);
        }

        void section(String heading, int number, List<FieldProblem> problems) {
            String name = heading == null ? "" : heading.toLowerCase(Locale.ROOT);
            inUnknownSection = false;
            if (!SECTIONS.contains(name)) {
                problems.add(new FieldProblem(field("document"), "unknown section '## " + heading
                        + "': a story has the sections Situation, Task, Action and Result", number));
                inUnknownSection = true;
                return;
            }
            if (sections.containsKey(name)) {
                problems.add(new FieldProblem(field(name), "the section '## " + heading + "' appears twice in this story", number));
                inUnknownSection = true;
                return;
            }
            currentSection = name;
            sections.put(name, new ArrayList<>());
            fieldLines.put(name, number);
        }

        void principles(String list, int number) {
            List<String> codes = new ArrayList<>();
            for (String item : list.split("[,;]")) {
                if (!item.isBlank()) {
                    // "Dive Deep", "dive-deep" and "DIVE_DEEP" all name the same code
                    codes.add(item.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
                }
            }
            principles = codes;
            fieldLines.put("principles", number);
        }

        void project(String tag, int number) {
            projectTag = tag.isEmpty() ? null : tag;
            fieldLines.put("projectTag", number);
        }

        void text(Line text, int number) {
            if (inUnknownSection) {
                return;
            }
            if (currentSection != null) {
                sections.get(currentSection).add(text);
            } else {
                if (firstFreeTextLine == 0 && !text.content().isBlank()) {
                    firstFreeTextLine = number;
                }
                freeText.add(text);
            }
        }

        StoryDocument.DocumentStory finish(List<FieldProblem> problems) {
            if (index < 0) {
                // text before the first heading: already reported, read only to keep counting lines
                return null;
            }
            StoryInput input;
            if (sections.isEmpty()) {
                String text = join(freeText);
                fieldLines.put("text", firstFreeTextLine == 0 ? line : firstFreeTextLine);
                input = StoryInput.freeText(title, text.isEmpty() ? null : text, principles);
            } else {
                if (firstFreeTextLine != 0) {
                    problems.add(new FieldProblem(field("text"), "text between the title and the first section: put it under "
                            + "## Situation, ## Task, ## Action or ## Result", firstFreeTextLine));
                }
                input = StoryInput.star(title, section("situation"), section("task"), section("action"), section("result"), principles);
            }
            return new StoryDocument.DocumentStory(line, input.withProjectTag(projectTag), Map.copyOf(fieldLines));
        }

        private String section(String name) {
            return sections.containsKey(name) ? join(sections.get(name)) : null;
        }

        private String field(String name) {
            return "stories[" + index + "]." + name;
        }

        /** The lines without the blank lines around them and without the last line ending. */
        private static String join(List<Line> lines) {
            int from = 0;
            int to = lines.size();
            while (from < to && lines.get(from).content().isBlank()) {
                from++;
            }
            while (to > from && lines.get(to - 1).content().isBlank()) {
                to--;
            }
            StringBuilder text = new StringBuilder();
            for (int i = from; i < to; i++) {
                text.append(lines.get(i).content());
                if (i < to - 1) {
                    text.append(lines.get(i).ending());
                }
            }
            return text.toString();
        }
    }
}
