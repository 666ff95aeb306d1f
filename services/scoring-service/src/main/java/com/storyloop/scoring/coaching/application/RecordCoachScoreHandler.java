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
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.access.RoleNotAllowed;
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
    private final Access access;

    public RecordCoachScoreHandler(CoachScores scores, RubricCatalog catalog, Clock clock, Access access) {
        this.scores = scores;
        this.catalog = catalog;
        this.clock = clock;
        this.access = access;
    }

    /**
     * The score is recorded under the caller's own coach id (an org admin without one: their subject), never a coach the
     * body names, so nobody can score in another coach's name and skew their calibration.
     *
     * @param input its coachId is what the body named (null: none); it must be the caller's own when given
     */
    @Transactional
    public Recorded record(Caller caller, String storyId, int revision, CoachScoreInput input, String rubricVersion, String correlationId) {
        String what = revision + " of story " + storyId + " (not received by scoring yet?)";
        RevisionCopy copy = scores.revision(storyId, revision).orElseThrow(() -> new ResourceNotFound("revision", what));
        access.requireCoachOf(caller, copy.orgId(), copy.clientId(), "revision", what);
        String coachId = scoringCoach(caller);
        if (input.coachId() != null && !input.coachId().equals(coachId)) {
            throw new RoleNotAllowed("A coach score is recorded under the caller's own coach id; it cannot name another coach");
        }
        CoachScore score = CoachScoreRules.validate(new CoachScoreInput(coachId, input.dimensions(), input.verdict(), input.flags(),
                input.comment()));
        EventContext context = new EventContext(caller.subject(), correlationId);
        String adopted = scores.adoptedVersion(copy.orgId()).orElse(catalog.standardVersion());
        String version = rubricVersion != null ? rubricVersion : adopted;
        // the adopted version, or one the organisation may use: another organisation's version is unknown here
        if (!version.equals(adopted) && !catalog.visibleTo(copy.orgId(), version)) {
            throw new UnknownRubricVersion(version, catalog.versionNamesFor(copy.orgId()));
        }
        CoachScores.Appended appended = scores.append(copy, score, version, context, clock.instant());
        return new Recorded(appended.eventId(), storyId, revision, score.coachId(), version, appended.streamVersion());
    }

    /** Whose score it is: the coach the token names; an org admin who is no coach scores under their own subject. */
    public static String scoringCoach(Caller caller) {
        return caller.coachId() != null ? caller.coachId() : caller.subject();
    }
}
