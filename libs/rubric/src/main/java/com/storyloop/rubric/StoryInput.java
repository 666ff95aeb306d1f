package com.storyloop.rubric;

import com.storyloop.rubric.scorecard.Level;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A story to score: either free text (Markdown {@code ##} headings and "Situation:" labels are
 * recognised; otherwise sections are inferred) or the four STAR fields. Claimed principles are
 * kept as given and validated by the engine, so an unknown code is reported, not dropped.
 */
public final class StoryInput {

    /** The four STAR fields; null fields are treated as empty. */
    public record Star(String situation, String task, String action, String result) {
        public Star {
            situation = situation == null ? "" : situation;
            task = task == null ? "" : task;
            action = action == null ? "" : action;
            result = result == null ? "" : result;
        }
    }

    private final String text;
    private final Star star;
    private final List<String> claimedPrinciples;
    private final Level targetLevel;

    private StoryInput(String text, Star star, List<String> claimedPrinciples, Level targetLevel) {
        this.text = text;
        this.star = star;
        this.claimedPrinciples = List.copyOf(claimedPrinciples);
        this.targetLevel = targetLevel;
    }

    /** Free text or Markdown. */
    public static StoryInput text(String text) {
        return new StoryInput(text == null ? "" : text, null, List.of(), null);
    }

    /** STAR fields. */
    public static StoryInput star(String situation, String task, String action, String result) {
        return new StoryInput(null, new Star(situation, task, action, result), List.of(), null);
    }

    public static StoryInput star(Star star) {
        return new StoryInput(null, Objects.requireNonNull(star, "star"), List.of(), null);
    }

    /** Principle codes the author claims, e.g. "CUSTOMER_OBSESSION". */
    public StoryInput withClaimedPrinciples(Collection<String> codes) {
        return new StoryInput(text, star, codes == null ? List.of() : List.copyOf(codes), targetLevel);
    }

    public StoryInput withTargetLevel(Level level) {
        return new StoryInput(text, star, claimedPrinciples, level);
    }

    public boolean isStar() {
        return star != null;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public Optional<Star> star() {
        return Optional.ofNullable(star);
    }

    public List<String> claimedPrinciples() {
        return claimedPrinciples;
    }

    public Optional<Level> targetLevel() {
        return Optional.ofNullable(targetLevel);
    }
}
