package com.storyloop.scoring.scorecards.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.scoring.scorecards.query.gettingscorecards.GettingScorecards;
import com.storyloop.scoring.scorecards.query.gettingscorecards.ScorecardView;
import com.storyloop.security.caller.Caller;

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
    RevisionScorecards ofRevision(@PathVariable String storyId, @PathVariable int revision, Caller caller) {
        return new RevisionScorecards(storyId, revision, scorecards.ofRevision(caller, storyId, revision));
    }

    @GetMapping("/api/stories/{storyId}/revisions/{revision}/scorecards/{rubricVersion}")
    ScorecardView ofRevision(@PathVariable String storyId, @PathVariable int revision, @PathVariable String rubricVersion, Caller caller) {
        return scorecards.ofRevision(caller, storyId, revision, rubricVersion);
    }

    /** The latest revision's scorecard (under the organisation's current rubric version unless one is asked for). */
    @GetMapping("/api/stories/{storyId}/scorecard")
    ScorecardView latest(@PathVariable String storyId, @RequestParam(required = false) String rubricVersion, Caller caller) {
        return scorecards.latest(caller, storyId, rubricVersion);
    }
}
