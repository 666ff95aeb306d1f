package com.storyloop.scoring.scorecards.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.scoring.scorecards.query.gettingscorecards.GettingScorecards;
import com.storyloop.scoring.scorecards.query.gettingscorecards.ScorecardView;
import com.storyloop.web.problems.ResourceNotFound;

/** The engine's scorecards per revision and rubric version (old versions stay when an organisation adopts a new one). */
@RestController
class ScorecardController {

    private final GettingScorecards scorecards;

    ScorecardController(GettingScorecards scorecards) {
        this.scorecards = scorecards;
    }

    /** Every rubric version's scorecard of a revision; an empty list while a known revision is being scored. */
    record RevisionScorecards(String storyId, int revision, List<ScorecardView> scorecards) {
    }

    @GetMapping("/api/stories/{storyId}/revisions/{revision}/scorecards")
    RevisionScorecards ofRevision(@PathVariable String storyId, @PathVariable int revision) {
        List<ScorecardView> found = scorecards.ofRevision(storyId, revision);
        if (found.isEmpty() && !scorecards.revisionKnown(storyId, revision)) {
            throw new ResourceNotFound("revision", revision + " of story " + storyId);
        }
        return new RevisionScorecards(storyId, revision, found);
    }

    @GetMapping("/api/stories/{storyId}/revisions/{revision}/scorecards/{rubricVersion}")
    ScorecardView ofRevision(@PathVariable String storyId, @PathVariable int revision, @PathVariable String rubricVersion) {
        return scorecards.ofRevision(storyId, revision, rubricVersion)
                .orElseThrow(() -> new ResourceNotFound("scorecard", "of revision " + revision + " of story " + storyId + " under rubric "
                        + rubricVersion));
    }

    /** The latest revision's scorecard (under the organisation's current rubric version unless one is asked for). */
    @GetMapping("/api/stories/{storyId}/scorecard")
    ScorecardView latest(@PathVariable String storyId, @RequestParam(required = false) String rubricVersion) {
        return scorecards.latest(storyId, rubricVersion)
                .orElseThrow(() -> new ResourceNotFound("scorecard", "of story " + storyId + (rubricVersion == null ? "" : " under rubric " + rubricVersion)));
    }
}
