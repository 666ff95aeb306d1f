package com.storyloop.web.projections;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.eventing.rebuild.ProjectionRebuilds;
import com.storyloop.eventing.rebuild.ProjectionRebuilds.RebuildRefused;
import com.storyloop.eventing.rebuild.RebuildProgress;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.Problems;

/**
 * Operator endpoints for a service's projections: list them, rebuild one from the beginning of its topics while the
 * current tables keep serving, and follow the rebuild's progress (events read, rate, ETA).
 */
@RestController
public class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/admin/projections")
    List<RebuildProgress> projections(Caller caller) {
        Access.requireOperator(caller); // projections hold every organisation's rows
        return rebuilds.names().stream().map(name -> rebuilds.progress(name).orElseThrow()).toList();
    }

    @GetMapping("/api/admin/projections/{name}")
    RebuildProgress projection(@PathVariable String name, Caller caller) {
        Access.requireOperator(caller); // projections hold every organisation's rows
        return rebuilds.progress(name).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "name", "No projection named " + name
                + "; this service has " + rebuilds.names()));
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name, Caller caller) {
        Access.requireOperator(caller); // projections hold every organisation's rows
        try {
            RebuildProgress started = rebuilds.start(name);
            return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(started);
        } catch (RebuildRefused refused) {
            throw problem(refused.unknownProjection() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, "name", refused.getMessage());
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String field, String detail) {
        ProblemDetail problem = Problems.of(status, status == HttpStatus.NOT_FOUND ? "Unknown projection" : "Rebuild refused", detail,
                List.of(new FieldProblem(field, detail)));
        return new ErrorResponseException(status, problem, null);
    }
}
