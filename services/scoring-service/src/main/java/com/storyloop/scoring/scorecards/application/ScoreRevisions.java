package com.storyloop.scoring.scorecards.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.scorecards.domain.BankCopy;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.ForeignReference;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.StoryBody;
import com.storyloop.scoring.scorecards.domain.StoryOwner;

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
     * @throws ForeignReference     when its bank or its story belongs to another organisation or client than the event
     * @throws InvalidStoryException when the rubric cannot score the text (empty, too long, not text)
     */
    public Outcome receive(RevisionCopy copy, ScoringPersistence tx) {
        Optional<BankCopy> bank = tx.bank(copy.bankId());
        if (bank.isPresent()) {
            ForeignReference.check("bank " + copy.bankId(), new StoryOwner(bank.get().orgId(), bank.get().clientId()), copy.orgId(),
                    copy.clientId());
        }
        // the library's stream check does not cover a revision sent on a stream of its own naming someone else's story
        tx.storyOwner(copy.storyId()).ifPresent(owner -> ForeignReference.check("story " + copy.storyId(), owner, copy.orgId(), copy.clientId()));
        String version = tx.lockOrganisationAndReadVersion(copy.orgId()).orElse(catalog.standardVersion());
        // refused before it is copied: a text PostgreSQL cannot store (a NUL) would otherwise fail the insert, not the rubric
        catalog.require(version).validate(input(copy, null));
        if (copy.title() != null && copy.title().indexOf('\u0000') >= 0) {
            throw new InvalidStoryException(InvalidStoryException.Problem.BINARY_CONTENT, "the title contains a NUL character, not text");
        }
        if (tx.saveRevision(copy)) {
            // a revision seen for the first time has no scorecard under any version yet
            return scoreWith(copy, version, new Cause(copy.sourceEventId(), copy.correlationId()), level(bank), tx);
        }
        // redelivered: scored from the copy first stored (its claims may have changed since, on purpose), unless it was
        RevisionCopy stored = tx.revision(copy.storyId(), copy.revision()).orElse(copy);
        if (tx.hasScorecard(stored.storyId(), stored.revision(), version)) {
            return Outcome.ALREADY_SCORED;
        }
        return scoreWith(stored, version, new Cause(stored.sourceEventId(), stored.correlationId()), level(bank), tx);
    }

    /** A bank opened (or reopened with a new level), unless the bank id is another tenant's. */
    public void openBank(BankCopy bank, ScoringPersistence tx) {
        tx.bank(bank.bankId()).ifPresent(known -> ForeignReference.check("bank " + bank.bankId(), new StoryOwner(known.orgId(), known.clientId()),
                bank.orgId(), bank.clientId()));
        tx.saveBank(bank);
    }

    /** New claims for a revision, from an event of {@code orgId}/{@code clientId}, which must own the story. */
    public void claimPrinciples(String orgId, String clientId, String storyId, int revision, List<String> principles,
                                ScoringPersistence tx) {
        tx.storyOwner(storyId).ifPresent(owner -> ForeignReference.check("story " + storyId, owner, orgId, clientId));
        tx.claimPrinciples(storyId, revision, principles);
    }

    /** Scores one stored revision with one rubric version, unless that scorecard exists. */
    public Outcome score(RevisionCopy copy, String rubricVersion, Cause cause, ScoringPersistence tx) {
        if (tx.hasScorecard(copy.storyId(), copy.revision(), rubricVersion)) {
            return Outcome.ALREADY_SCORED;
        }
        return scoreWith(copy, rubricVersion, cause, level(tx.bank(copy.bankId())), tx);
    }

    private Outcome scoreWith(RevisionCopy copy, String rubricVersion, Cause cause, Level level, ScoringPersistence tx) {
        RubricEngine engine = catalog.require(rubricVersion);
        Scorecard card = engine.score(input(copy, level));
        return tx.recordScorecard(copy, card, cause) ? Outcome.SCORED : Outcome.ALREADY_SCORED;
    }

    private static Level level(Optional<BankCopy> bank) {
        return bank.map(BankCopy::targetLevel).flatMap(Level::parse).orElse(null);
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
