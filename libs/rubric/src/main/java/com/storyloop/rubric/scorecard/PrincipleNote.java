package com.storyloop.rubric.scorecard;

/** A warning (claimed without evidence) or a suggestion (strong but unclaimed). */
public record PrincipleNote(Principle principle, String message) {
}
