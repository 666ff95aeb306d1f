package com.storyloop.practice.loops.application;

import java.util.List;

import org.springframework.stereotype.Component;

import com.storyloop.practice.loops.domain.LoopCommand.TranscriptReview;
import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.Scorecard;

/** Runs the rubric engine (the same as scoring's and the CLI's) on what was actually said in an answer. */
@Component
public class TranscriptReviewer {

    private final RubricEngine engine = RubricEngine.standard();

    /** The engine's flags on the transcript, or null without a transcript or when the engine cannot read it as a story. */
    public TranscriptReview review(String transcript) {
        if (transcript == null || transcript.isBlank()) {
            return null;
        }
        try {
            Scorecard card = engine.score(StoryInput.text(transcript));
            List<String> flags = card.flags().stream().map(f -> f.code().name()).toList();
            return new TranscriptReview(card.rubricVersion(), flags);
        } catch (InvalidStoryException e) {
            return null;
        }
    }
}
