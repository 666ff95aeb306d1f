package com.storyloop.scoring.coaching.application;

import java.util.List;

import org.springframework.stereotype.Service;

import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/** The coach scores of a revision, for whoever may see the client's story (the client, their coach, an org admin). */
@Service
public class ListingCoachScores {

    private final CoachScores scores;
    private final Access access;

    public ListingCoachScores(CoachScores scores, Access access) {
        this.scores = scores;
        this.access = access;
    }

    /** An unknown revision and one the caller may not see answer the same 404, so the list never reveals a story exists. */
    public List<CoachScores.Stored> ofRevision(Caller caller, String storyId, int revision) {
        String what = revision + " of story " + storyId;
        RevisionCopy copy = scores.revision(storyId, revision).orElseThrow(() -> new ResourceNotFound("revision", what));
        access.requireClient(caller, copy.orgId(), copy.clientId(), "revision", what);
        return scores.ofRevision(storyId, revision);
    }
}
