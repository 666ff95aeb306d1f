package com.storyloop.scoring.scorecards.domain;

/** The text of a revision as the story event carried it: the four STAR sections, or free text. */
public sealed interface StoryBody {

    /** STAR sections exactly as written (a missing section is null). */
    record Star(String situation, String task, String action, String result) implements StoryBody {
    }

    /** Free text; the rubric engine infers the sections. */
    record Text(String text) implements StoryBody {
    }
}
