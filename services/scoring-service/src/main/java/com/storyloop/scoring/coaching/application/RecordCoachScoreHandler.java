package com.storyloop.scoring.coaching.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.scoring.coaching.domain.CoachScore;
import com.storyloop.scoring.coaching.domain.CoachScoreInput;
import com.storyloop.scoring.coaching.domain.CoachScoreRules;
import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.rubrics.domain.UnknownRubricVersion;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * A coach scores a revision by hand: CoachScored through the event store and the relay. The score is compared with the
 * engine's scorecard under the same rubric version: the one named, or the organisation's current one.
 */
@Service
public class RecordCoachScoreHandler {

    public record Recorded(UUID eventId, String storyId, int revision, String coachId, String rubricVersion, long version) {
    }

    private final CoachScores scores;
    private final RubricCatalog catalog;
    private final Clock clock;

    public RecordCoachScoreHandler(CoachScores scores, RubricCatalog catalog, Clock clock) {
        this.scores = scores;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(String storyId, int revision, CoachScoreInput input, String rubricVersion, EventContext context) {
        CoachScore score = CoachScoreRules.validate(input);
        RevisionCopy copy = scores.revision(storyId, revision)
                .orElseThrow(() -> new ResourceNotFound("revision", revision + " of story " + storyId + " (not received by scoring yet?)"));
        String version = rubricVersion != null ? rubricVersion : scores.adoptedVersion(copy.orgId()).orElse(catalog.standardVersion());
        if (!catalog.exists(version)) {
            throw new UnknownRubricVersion(version, catalog.versionNames());
        }
        CoachScores.Appended appended = scores.append(copy, score, version, new EventContext(score.coachId(), context.correlationId()),
                clock.instant());
        return new Recorded(appended.eventId(), storyId, revision, score.coachId(), version, appended.streamVersion());
    }
}
