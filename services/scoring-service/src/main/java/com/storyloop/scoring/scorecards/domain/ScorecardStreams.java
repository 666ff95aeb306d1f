package com.storyloop.scoring.scorecards.domain;

/**
 * Stream ids of the scoring-service's event store. A scorecard's stream is named after what it scores, and is appended
 * at expected version 0: a second RevisionScored for the same (story, revision, rubric version) is a version conflict,
 * which makes redelivery and replays no-ops. Story ids contain no slash, so the names are unambiguous.
 */
public final class ScorecardStreams {

    private ScorecardStreams() {
    }

    public static String scorecard(String storyId, int revision, String rubricVersion) {
        return "scorecard/" + storyId + "/" + revision + "/" + rubricVersion;
    }

    public static String coachScores(String storyId, int revision, String coachId) {
        return "coach-score/" + storyId + "/" + revision + "/" + coachId;
    }

    public static String rubricAdoptions(String orgId) {
        return "rubric-adoption/" + orgId;
    }
}
