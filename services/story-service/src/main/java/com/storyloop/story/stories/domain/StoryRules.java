package com.storyloop.story.stories.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The limits a story must respect (issue 3) and the checks that turn raw input into a valid {@link StoryText}. Lengths
 * count Unicode code points, so "characters" means what a reader sees as characters in most scripts.
 */
public final class StoryRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SECTION = 8_000;
    public static final int MAX_STORY = 20_000;
    public static final int MAX_PRINCIPLES = 16;
    public static final int MAX_STORIES_PER_BANK = 200;
    public static final int MAX_PROJECT_TAG = 100;
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_REASON = 1_000;
    public static final int MAX_DEEP_DIVE_SECTIONS = 20;
    public static final int MAX_DEEP_DIVE_HEADING = 200;

    private static final List<String> STAR = List.of("situation", "task", "action", "result");

    private StoryRules() {
    }

    /** The valid text of a story, or every problem with it at once. */
    public static StoryText validText(StoryInput input) {
        List<InputProblem> problems = new ArrayList<>();
        checkTitle(input.title(), problems);
        StoryBody body = checkBody(input, problems);
        List<Principle> principles = checkPrinciples(input.principles(), "principles", problems);
        checkOptional("projectTag", input.projectTag(), MAX_PROJECT_TAG, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidStory(problems);
        }
        return new StoryText(input.title(), body, principles, input.projectTag());
    }

    /** A claimed set: known codes only, no duplicates, at most 16. */
    public static List<Principle> validPrinciples(List<String> codes) {
        List<InputProblem> problems = new ArrayList<>();
        List<Principle> principles = checkPrinciples(codes, "principles", problems);
        if (!problems.isEmpty()) {
            throw new InvalidStory(problems);
        }
        return principles;
    }

    public static List<DeepDiveSection> validDeepDive(List<DeepDiveSection> sections) {
        List<InputProblem> problems = new ArrayList<>();
        List<DeepDiveSection> given = sections == null ? List.of() : sections;
        if (given.size() > MAX_DEEP_DIVE_SECTIONS) {
            problems.add(new InputProblem("sections", "at most " + MAX_DEEP_DIVE_SECTIONS + " sections, not " + given.size()));
        }
        int total = 0;
        for (int i = 0; i < given.size(); i++) {
            DeepDiveSection section = given.get(i);
            if (section == null) {
                problems.add(new InputProblem("sections[" + i + "]", "must be an object with a heading and a text"));
                continue;
            }
            String field = "sections[" + i + "]";
            if (isBlank(section.heading())) {
                problems.add(new InputProblem(field + ".heading", "is required"));
            } else {
                checkText(field + ".heading", section.heading(), MAX_DEEP_DIVE_HEADING, false, problems);
            }
            if (section.text() == null) {
                problems.add(new InputProblem(field + ".text", "is required"));
            } else {
                checkText(field + ".text", section.text(), MAX_SECTION, true, problems);
                total += codePoints(section.text());
            }
        }
        if (total > MAX_STORY) {
            problems.add(new InputProblem("sections", "the appendix is " + total + " characters in all; at most " + MAX_STORY));
        }
        if (!problems.isEmpty()) {
            throw new InvalidStory(problems);
        }
        return List.copyOf(given);
    }

    /** An optional note or reason: null is fine, otherwise bounded text. */
    public static void checkOptionalText(String field, String value, int max) {
        List<InputProblem> problems = new ArrayList<>();
        checkOptional(field, value, max, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidStory(problems);
        }
    }

    private static void checkTitle(String title, List<InputProblem> problems) {
        if (isBlank(title)) {
            problems.add(new InputProblem("title", "is required"));
            return;
        }
        checkText("title", title, MAX_TITLE, false, problems);
    }

    private static StoryBody checkBody(StoryInput input, List<InputProblem> problems) {
        List<String> starValues = java.util.Arrays.asList(input.situation(), input.task(), input.action(), input.result());
        boolean hasStar = starValues.stream().anyMatch(v -> v != null);
        boolean hasText = input.text() != null;
        if (hasStar && hasText) {
            problems.add(new InputProblem("text", "a story is either STAR sections (situation, task, action, result) or free text, not both"));
            return null;
        }
        if (!hasText && starValues.stream().allMatch(StoryRules::isBlank)) {
            problems.add(new InputProblem(hasStar ? "situation" : "text",
                    "the story has no words: give the STAR sections (situation, task, action, result) or a free text"));
            return null;
        }
        int before = problems.size();
        StoryBody body;
        if (hasText) {
            if (isBlank(input.text())) {
                problems.add(new InputProblem("text", "the story has no words"));
            }
            checkText("text", input.text(), MAX_STORY, true, problems);
            body = new StoryBody.FreeText(input.text());
        } else {
            for (int i = 0; i < STAR.size(); i++) {
                if (starValues.get(i) != null) {
                    checkText(STAR.get(i), starValues.get(i), MAX_SECTION, true, problems);
                }
            }
            body = new StoryBody.Star(input.situation(), input.task(), input.action(), input.result());
        }
        if (problems.size() == before && !hasText && body.length() > MAX_STORY) {
            problems.add(new InputProblem("story", "the whole story (all sections together) is " + body.length() + " characters; at most "
                    + MAX_STORY));
        }
        return body;
    }

    private static List<Principle> checkPrinciples(List<String> codes, String field, List<InputProblem> problems) {
        List<String> given = codes == null ? List.of() : codes;
        if (given.size() > MAX_PRINCIPLES) {
            problems.add(new InputProblem(field, "at most " + MAX_PRINCIPLES + " principles, not " + given.size()));
        }
        Set<Principle> principles = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            Optional<Principle> principle = code == null ? Optional.empty() : Principle.ofCode(code);
            if (principle.isEmpty()) {
                problems.add(new InputProblem(field + "[" + i + "]", "\"" + code + "\" is not a Leadership Principle code; use one of "
                        + String.join(", ", java.util.Arrays.stream(Principle.values()).map(Enum::name).toList())));
            } else if (!principles.add(principle.get())) {
                problems.add(new InputProblem(field + "[" + i + "]", code + " is claimed twice"));
            }
        }
        return List.copyOf(principles);
    }

    private static void checkOptional(String field, String value, int max, boolean multiline, List<InputProblem> problems) {
        if (value != null) {
            checkText(field, value, max, multiline, problems);
        }
    }

    /** Bounded, storable text: no NUL (PostgreSQL text refuses it) and no lone surrogate (not encodable as UTF-8). */
    private static void checkText(String field, String value, int max, boolean multiline, List<InputProblem> problems) {
        int length = codePoints(value);
        if (length > max) {
            problems.add(new InputProblem(field, "is " + length + " characters; at most " + max));
        }
        if (value.indexOf('\u0000') >= 0) {
            problems.add(new InputProblem(field, "contains a NUL character (U+0000)"));
        }
        if (hasLoneSurrogate(value)) {
            problems.add(new InputProblem(field, "contains an unpaired surrogate: not valid Unicode text"));
        }
        if (!multiline && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            problems.add(new InputProblem(field, "must be a single line"));
        }
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
