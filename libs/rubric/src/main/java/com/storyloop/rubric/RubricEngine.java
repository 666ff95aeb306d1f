package com.storyloop.rubric;

import com.storyloop.rubric.InvalidStoryException.Problem;
import com.storyloop.rubric.analysis.ScoringPipeline;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.text.StoryText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Scores stories against one rubric definition. Deterministic (same input, same scorecard: no
 * clock, no randomness, no hash-order leaks), immutable and thread-safe; build it once per
 * definition and reuse it.
 */
public final class RubricEngine {

    private final RubricDefinition definition;
    private final ScoringPipeline pipeline;

    public RubricEngine(RubricDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.pipeline = new ScoringPipeline(definition);
    }

    /** The engine for rubric version 1 ({@code rubric/v1.json} on the classpath), built once. */
    public static RubricEngine standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RubricEngine STANDARD = new RubricEngine(RubricDefinition.standard());
    }

    public RubricDefinition definition() {
        return definition;
    }

    public String rubricVersion() {
        return definition.version();
    }

    /**
     * Scores one story.
     *
     * @throws InvalidStoryException when the story is empty, too long, not text, or claims an
     *                               unknown principle; the message names the problem
     */
    public Scorecard score(StoryInput input) {
        Set<Principle> claimed = validate(input);
        StoryText story;
        if (input.isStar()) {
            StoryInput.Star s = input.star().orElseThrow();
            story = pipeline.segmentStar(s.situation(), s.task(), s.action(), s.result());
        } else {
            story = pipeline.segmentText(input.text().orElse(""));
        }
        return pipeline.score(story, claimed, input.targetLevel().orElse(null));
    }

    /**
     * The checks {@link #score} makes before it scores, alone: for a caller that must refuse a story before storing it.
     *
     * @return the claimed principles
     * @throws InvalidStoryException as {@link #score} does
     */
    public Set<Principle> validate(StoryInput input) {
        Objects.requireNonNull(input, "input");
        Set<Principle> claimed = validatePrinciples(input.claimedPrinciples());
        if (input.isStar()) {
            StoryInput.Star s = input.star().orElseThrow();
            validateText(s.situation() + "\n" + s.task() + "\n" + s.action() + "\n" + s.result(),
                    s.situation().length() + s.task().length() + s.action().length() + s.result().length());
        } else {
            String text = input.text().orElse("");
            validateText(text, text.length());
        }
        return claimed;
    }

    private Set<Principle> validatePrinciples(List<String> codes) {
        Set<Principle> out = EnumSet.noneOf(Principle.class);
        List<String> unknown = new ArrayList<>();
        for (String c : codes) {
            if (c == null) {
                unknown.add("null");
                continue;
            }
            Principle.parse(c).ifPresentOrElse(out::add, () -> unknown.add(c.strip()));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidStoryException(Problem.UNKNOWN_PRINCIPLE, "unknown principle code"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList())
                    + "; known codes: " + String.join(", ", Arrays.stream(Principle.values()).map(Enum::name).toList()));
        }
        return out;
    }

    private void validateText(String text, int length) {
        if (text.isBlank()) {
            throw new InvalidStoryException(Problem.EMPTY_STORY, text.isEmpty()
                    ? "the story is empty" : "the story contains only whitespace");
        }
        if (length > definition.maxChars()) {
            throw new InvalidStoryException(Problem.STORY_TOO_LONG, String.format(Locale.ROOT,
                    "the story has %,d characters; the limit is %,d", length, definition.maxChars()));
        }
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == 0x7F || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                throw new InvalidStoryException(Problem.BINARY_CONTENT, String.format(Locale.ROOT,
                        "the story contains binary data (character U+%04X at offset %d), not text", (int) c, i));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new InvalidStoryException(Problem.BINARY_CONTENT, "the story contains a broken Unicode character at offset " + i);
                }
                i++;
                visible++;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidStoryException(Problem.BINARY_CONTENT, "the story contains a broken Unicode character at offset " + i);
            }
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        if (visible > 0 && (double) letters / visible < definition.minTextRatio()) {
            throw new InvalidStoryException(Problem.BINARY_CONTENT, String.format(Locale.ROOT,
                    "the story does not look like text (only %d%% of its characters are letters)", Math.round(100.0 * letters / visible)));
        }
    }
}
