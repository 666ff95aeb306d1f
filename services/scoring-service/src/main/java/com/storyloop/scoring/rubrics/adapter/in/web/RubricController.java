package com.storyloop.scoring.rubrics.adapter.in.web;

import java.net.URI;
import java.util.List;
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

import com.storyloop.scoring.rubrics.application.AdoptRubricHandler;
import com.storyloop.scoring.rubrics.application.RegisterRubricHandler;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.rubrics.application.RubricOffers;
import com.storyloop.scoring.rubrics.query.listingofferedrubrics.ListingOfferedRubrics;
import com.storyloop.scoring.rubrics.query.readingrubrics.ReadingRubrics;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/**
 * Rubric versions: the built-in one plus definitions registered as data ({@code POST /api/rubrics}, an installation operator's job), and
 * each organisation's adopted version ({@code POST /api/orgs/{orgId}/rubric}), which starts a rescoring job; rubrics that
 * providers published are offered per organisation ({@code GET /api/orgs/{orgId}/rubrics/offered}) and adopted the same way.
 */
@RestController
class RubricController {

    private final ReadingRubrics rubrics;
    private final RegisterRubricHandler register;
    private final AdoptRubricHandler adopt;
    private final ListingOfferedRubrics offered;

    RubricController(ReadingRubrics rubrics, RegisterRubricHandler register, AdoptRubricHandler adopt, ListingOfferedRubrics offered) {
        this.rubrics = rubrics;
        this.register = register;
        this.adopt = adopt;
        this.offered = offered;
    }

    record Registered(String rubricVersion, boolean created) {
    }

    /** The body is the definition document itself (the format of rubric/v1.json); its {@code version} names it. */
    @PostMapping(path = "/api/rubrics", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(@RequestBody(required = false) String definition, @RequestParam(required = false) String title,
                                        @RequestParam(required = false) String providerId, @RequestParam(required = false) String packVersion,
                                        Caller caller) {
        RegisterRubricHandler.Registered registered = register.register(caller, definition, title, providerId, packVersion);
        Registered body = new Registered(registered.rubricVersion(), registered.created());
        URI location = URI.create("/api/rubrics/" + registered.rubricVersion());
        return registered.created() ? ResponseEntity.created(location).body(body) : ResponseEntity.ok().location(location).body(body);
    }

    @GetMapping("/api/rubrics")
    List<RubricCatalog.RubricVersion> versions(Caller caller) {
        return rubrics.versions(caller);
    }

    /** The definition document of a version, as registered (the built-in one as shipped). */
    @GetMapping(path = "/api/rubrics/{rubricVersion}", produces = MediaType.APPLICATION_JSON_VALUE)
    String definition(@PathVariable String rubricVersion, Caller caller) {
        return rubrics.definition(caller, rubricVersion);
    }

    record AdoptRequest(String rubricVersion) {
    }

    /** @param jobId the rescoring job (progress at {@code /api/rescoring/{jobId}}), null when the version was already in effect */
    record Adoption(String orgId, String rubricVersion, String previousRubricVersion, UUID eventId, UUID jobId) {
    }

    @PostMapping(path = "/api/orgs/{orgId}/rubric", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Adoption> adopt(@PathVariable String orgId, @RequestBody AdoptRequest request, Caller caller,
                                   @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        AdoptRubricHandler.Adopted adopted = adopt.adopt(caller, orgId, request == null ? null : request.rubricVersion(),
                correlationId != null ? correlationId : UUID.randomUUID().toString());
        Adoption body = new Adoption(orgId, adopted.rubricVersion(), adopted.previousVersion(), adopted.eventId(), adopted.jobId());
        if (!adopted.changed()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.accepted().location(URI.create("/api/rescoring/" + adopted.jobId())).body(body);
    }

    @GetMapping("/api/orgs/{orgId}/rubric")
    ReadingRubrics.OrgRubric orgRubric(@PathVariable String orgId, Caller caller) {
        return rubrics.orgRubric(caller, orgId);
    }

    /** Rubrics content providers published for the organisation: offered, in effect only once adopted through POST .../rubric. */
    @GetMapping("/api/orgs/{orgId}/rubrics/offered")
    List<ListingOfferedRubrics.OfferedRubric> offered(@PathVariable String orgId, Caller caller) {
        return offered.list(caller, orgId);
    }

    @ExceptionHandler(RubricOffers.OfferNotRunnable.class)
    ResponseEntity<ProblemDetail> notRunnable(RubricOffers.OfferNotRunnable e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Offered rubric cannot run", e.getMessage(),
                        List.of(new FieldProblem("rubricVersion", e.getMessage()))));
    }

    @ExceptionHandler(RegisterRubricHandler.RubricVersionTaken.class)
    ResponseEntity<ProblemDetail> taken(RegisterRubricHandler.RubricVersionTaken e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.CONFLICT, "Rubric version taken", e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage()))));
    }
}
