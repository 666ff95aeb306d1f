package com.storyloop.scoring.coaching.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import com.storyloop.scoring.coaching.application.ListingCoachScores;
import com.storyloop.scoring.coaching.application.RecordCoachScoreHandler;
import com.storyloop.scoring.coaching.domain.CoachScoreInput;
import com.storyloop.scoring.coaching.domain.InvalidCoachScore;
import com.storyloop.scoring.coaching.query.calibrating.Calibrating;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;
import com.storyloop.web.problems.Problems;

/** Coaches score revisions by hand (CoachScored); calibration compares their scores with the engine's. */
@RestController
class CoachScoreController {

    private final RecordCoachScoreHandler record;
    private final ListingCoachScores scores;
    private final Calibrating calibrating;

    CoachScoreController(RecordCoachScoreHandler record, ListingCoachScores scores, Calibrating calibrating) {
        this.record = record;
        this.scores = scores;
        this.calibrating = calibrating;
    }

    /**
     * @param coachId       optional: the score is always the caller's own (their token's coach id); naming another coach is refused
     * @param dimensions    dimension name to a whole score from 0 to 5, any subset of the nine
     * @param rubricVersion the rubric version the coach scored against; by default the organisation's current one
     */
    record CoachScoreRequest(String coachId, Map<String, JsonNode> dimensions, String verdict, List<String> flags, String comment,
                             String rubricVersion) {
    }

    @PostMapping(path = "/api/stories/{storyId}/revisions/{revision}/coach-scores", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordCoachScoreHandler.Recorded> score(@PathVariable String storyId, @PathVariable int revision,
                                                           @RequestBody CoachScoreRequest request, Caller caller,
                                                           @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        if (request == null) {
            throw new InvalidInput(new FieldProblem("body", "is required: {dimensions, verdict, flags, comment}"));
        }
        Map<String, Integer> dimensions = null;
        if (request.dimensions() != null) {
            dimensions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : request.dimensions().entrySet()) {
                JsonNode value = entry.getValue();
                // anything but a whole number (3.5, "3", null) stays null: the rules name the field
                dimensions.put(entry.getKey(), value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null);
            }
        }
        RecordCoachScoreHandler.Recorded recorded = record.record(caller, storyId, revision,
                new CoachScoreInput(request.coachId(), dimensions, request.verdict(), request.flags(), request.comment()), request.rubricVersion(),
                correlationId != null ? correlationId : UUID.randomUUID().toString());
        return ResponseEntity.created(URI.create("/api/stories/" + storyId + "/revisions/" + revision + "/coach-scores")).body(recorded);
    }

    record CoachScoreView(UUID eventId, String coachId, String rubricVersion, Map<String, Integer> dimensions, List<String> flags, String verdict,
                          String comment, Instant scoredAt) {
    }

    @GetMapping("/api/stories/{storyId}/revisions/{revision}/coach-scores")
    List<CoachScoreView> scores(@PathVariable String storyId, @PathVariable int revision, Caller caller) {
        return scores.ofRevision(caller, storyId, revision).stream().map(s -> {
            Map<String, Integer> dimensions = new LinkedHashMap<>();
            s.score().dimensions().forEach((d, v) -> dimensions.put(d.name(), v));
            return new CoachScoreView(s.eventId(), s.coachId(), s.rubricVersion(), dimensions,
                    s.score().flags().stream().map(Enum::name).toList(), s.score().verdict().name(), s.score().comment(), s.scoredAt());
        }).toList();
    }

    /**
     * Agreement per dimension, per flag and on the verdict; optionally for one coach or one rubric version. A coach sees
     * only their own (no coachId: themselves); an org admin any coach's or the whole organisation's.
     */
    @GetMapping("/api/calibration")
    Calibrating.CalibrationView calibration(@RequestParam(required = false) String orgId, @RequestParam(required = false) String coachId,
                                            @RequestParam(required = false) String rubricVersion, Caller caller) {
        if (orgId == null || orgId.isBlank()) {
            throw new InvalidInput(new FieldProblem("orgId", "is required: the organisation whose coaches are compared with the engine"));
        }
        return calibrating.calibrate(caller, orgId, coachId, rubricVersion);
    }

    @ExceptionHandler(InvalidCoachScore.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCoachScore e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(HttpStatus.BAD_REQUEST,
                "Invalid coach score", e.getMessage(), e.problems().stream().map(p -> new FieldProblem(p.field(), p.message())).toList()));
    }
}
