package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.Set;

/**
 * A story as coverage folds it. Changes only move forward in the story's stream: a fact with a version at or below the
 * state's is a redelivery or a copy and changes nothing.
 */
public record StoryState(String storyId, long version, int revision, Set<Principle> claimed, String text, String projectTag,
                         boolean retired, boolean deepDive) {

    public StoryState {
        claimed = Set.copyOf(claimed);
        text = text == null ? "" : text;
    }

    /** The state after the fact; {@code current} may be null (no text yet), and then only a text creates the story. */
    public static StoryState evolve(StoryState current, BankFact fact) {
        if (fact instanceof BankFact.TextWritten t) {
            if (current == null) {
                return new StoryState(t.storyId(), t.version(), t.revision(), t.claimed(), t.text(), t.projectTag(), false, false);
            }
            return t.version() <= current.version ? current
                    : new StoryState(current.storyId, t.version(), t.revision(), t.claimed(), t.text(), t.projectTag(), current.retired,
                    current.deepDive);
        }
        if (current == null) {
            return null;
        }
        if (fact instanceof BankFact.ClaimsReplaced c && c.version() > current.version) {
            return new StoryState(current.storyId, c.version(), current.revision, c.claimed(), current.text, current.projectTag,
                    current.retired, current.deepDive);
        }
        if (fact instanceof BankFact.DeepDiveSet d && d.version() > current.version) {
            return new StoryState(current.storyId, d.version(), current.revision, current.claimed, current.text, current.projectTag,
                    current.retired, d.attached());
        }
        if (fact instanceof BankFact.RetirementSet r && r.version() > current.version) {
            return new StoryState(current.storyId, r.version(), current.revision, current.claimed, current.text, current.projectTag,
                    r.retired(), current.deepDive);
        }
        return current;
    }

    public BankStory withScorecard(Scorecard scorecard) {
        return new BankStory(storyId, revision, claimed, text, projectTag, retired, deepDive, scorecard);
    }
}
