package com.storyloop.scoring.scorecards.application;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.scoring.scorecards.domain.BankCopy;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.StoryOwner;

/**
 * The scoring side's storage within one database transaction: local copies, the organisation's rubric version, and
 * scorecards (a RevisionScored appended to the event store with its read-model row). The consumer binds it to the poll
 * batch's transaction, so copies, scorecards, inbox and positions commit together.
 */
public interface ScoringPersistence {

    /** Binds the persistence to the transaction a {@link JdbcTemplate} runs in. */
    interface Factory {
        /** For one transaction: the instance may remember what that transaction locked and read. */
        ScoringPersistence on(JdbcTemplate jdbc);
    }

    void saveBank(BankCopy bank);

    Optional<BankCopy> bank(String bankId);

    /** @return false when this revision was already copied (it is never overwritten: revisions are immutable) */
    boolean saveRevision(RevisionCopy copy);

    /** Replaces the claimed principles of one revision; false when the revision is unknown. */
    boolean claimPrinciples(String storyId, int revision, java.util.List<String> principles);

    Optional<RevisionCopy> revision(String storyId, int revision);

    /** Whose story this is, from any revision copied so far (this transaction's included); empty when none is. */
    Optional<StoryOwner> storyOwner(String storyId);

    /**
     * Takes the organisation's scoring lock in shared mode until the transaction ends (an adoption takes it exclusively),
     * then reads the version the organisation adopted. Within one transaction the answer cannot change (the lock is held
     * to the end), so an implementation may answer repeated calls from memory.
     *
     * @return the adopted version, or empty when the organisation never adopted one
     */
    Optional<String> lockOrganisationAndReadVersion(String orgId);

    boolean hasScorecard(String storyId, int revision, String rubricVersion);

    /**
     * Appends the RevisionScored of this scorecard to its own stream at expected version 0, and its read-model row.
     *
     * @return false when that (story, revision, rubric version) was already scored: nothing is written
     */
    boolean recordScorecard(RevisionCopy copy, Scorecard card, Cause cause);
}
