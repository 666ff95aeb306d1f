package com.storyloop.scoring.scorecards.application;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.scorecards.domain.BankCopy;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.InvalidRevision;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.StoryBody;

/**
 * Scores revisions: a revision received from story.events with its organisation's adopted rubric version, or any stored
 * revision with a given version (re-scoring). Exactly one scorecard per (story, revision, rubric version), however often
 * the same revision comes by.
 */
@Service
public class ScoreRevisions {

    public enum Outcome {
        SCORED, ALREADY_SCORED
    }

    private final RubricCatalog catalog;

    public ScoreRevisions(RubricCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A revision from a story event: copied, then scored with the version its organisation adopted (the built-in version
     * when it adopted none). The organisation's lock is taken first, so an adoption running at the same time either
     * sees this revision in its rescoring job or is seen by it.
     *
     * @throws InvalidRevision       when the revision contradicts what is known (another organisation's bank)
     * @throws InvalidStoryException when the rubric cannot score the text (empty, too long, not text)
     */
    public Outcome receive(RevisionCopy copy, ScoringPersistence tx) {
        tx.bank(copy.bankId()).filter(bank -> !bank.orgId().equals(copy.orgId())).ifPresent(bank -> {
            throw new InvalidRevision("orgId", "story " + copy.storyId() + " claims organisation " + copy.orgId() + " but its bank "
                    + copy.bankId() + " belongs to " + bank.orgId());
        });
        String version = tx.lockOrganisationAndReadVersion(copy.orgId()).orElse(catalog.standardVersion());
        tx.saveRevision(copy);
        // a redelivered revision is scored from the copy first stored (its claims may have changed since, on purpose)
        RevisionCopy stored = tx.revision(copy.storyId(), copy.revision()).orElse(copy);
        return score(stored, version, new Cause(stored.sourceEventId(), stored.correlationId()), tx);
    }

    /** Scores one stored revision with one rubric version, unless that scorecard exists. */
    public Outcome score(RevisionCopy copy, String rubricVersion, Cause cause, ScoringPersistence tx) {
        if (tx.hasScorecard(copy.storyId(), copy.revision(), rubricVersion)) {
            return Outcome.ALREADY_SCORED;
        }
        RubricEngine engine = catalog.require(rubricVersion);
        Level level = tx.bank(copy.bankId()).map(BankCopy::targetLevel).flatMap(Level::parse).orElse(null);
        Scorecard card = engine.score(input(copy, level));
        return tx.recordScorecard(copy, card, cause) ? Outcome.SCORED : Outcome.ALREADY_SCORED;
    }

    /** What the engine scores for a revision: its text or STAR sections, its claims, its bank's target level. */
    public static StoryInput input(RevisionCopy copy, Level level) {
        StoryInput input;
        if (copy.body() instanceof StoryBody.Star) {
            StoryBody.Star star = (StoryBody.Star) copy.body();
            input = StoryInput.star(star.situation(), star.task(), star.action(), star.result());
        } else {
            input = StoryInput.text(((StoryBody.Text) copy.body()).text());
        }
        input = input.withClaimedPrinciples(copy.principles());
        return level == null ? input : input.withTargetLevel(level);
    }
}
