package com.storyloop.scoring.coaching.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.storyloop.scoring.coaching.domain.CoachScore;
import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;

/** Coach scores: CoachScored events (one stream per coach and revision) and their read-model rows. */
public interface CoachScores {

    record Appended(UUID eventId, long streamVersion) {
    }

    record Stored(UUID eventId, String coachId, String rubricVersion, CoachScore score, Instant scoredAt) {
    }

    Optional<RevisionCopy> revision(String storyId, int revision);

    /** The version the organisation adopted, if any. */
    Optional<String> adoptedVersion(String orgId);

    /** Appends CoachScored after the coach's previous scores of this revision, then its row. */
    Appended append(RevisionCopy revision, CoachScore score, String rubricVersion, EventContext context, Instant at);

    List<Stored> ofRevision(String storyId, int revision);
}
