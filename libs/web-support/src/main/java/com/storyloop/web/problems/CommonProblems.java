package com.storyloop.web.problems;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.web.access.RoleNotAllowed;
import com.storyloop.web.preconditions.PreconditionFailed;
import com.storyloop.web.preconditions.PreconditionRequired;
import com.storyloop.web.preconditions.StreamVersions;

/** The errors every event-sourced service raises the same way: unknown ids, invalid fields, stale or missing If-Match. */
@RestControllerAdvice
public class CommonProblems {

    @ExceptionHandler(ResourceNotFound.class)
    ProblemDetail notFound(ResourceNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(RoleNotAllowed.class)
    ProblemDetail roleNotAllowed(RoleNotAllowed e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.problems());
    }

    @ExceptionHandler(PreconditionRequired.class)
    ProblemDetail preconditionRequired(PreconditionRequired e) {
        return Problems.of(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", e.getMessage(),
                java.util.List.of(new FieldProblem(HttpHeaders.IF_MATCH, e.getMessage())));
    }

    @ExceptionHandler(PreconditionFailed.class)
    ProblemDetail preconditionFailed(PreconditionFailed e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "Changed by someone else", e.getMessage(),
                java.util.List.of(new FieldProblem(HttpHeaders.IF_MATCH, e.getMessage())));
    }

    /**
     * No database connection within the pool's timeout: the service is saturated (or its database is restarting). Nothing
     * was written, so the caller may repeat the request as it was; 503 with Retry-After says so, where a 500 would not.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Busy, nothing was saved",
                "The service could not get a database connection in time, so nothing was saved: send the same request again in a moment");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    static final String RETRY_AFTER_SECONDS = "2";

    /**
     * The stream moved on between the caller's read and this append: 412 when the caller named the version it saw
     * (If-Match), 409 otherwise. Never retried here: the user decided on what they saw.
     */
    @ExceptionHandler(StreamVersionConflict.class)
    ResponseEntity<ProblemDetail> conflict(StreamVersionConflict e, HttpServletRequest request) {
        boolean conditional = request.getHeader(HttpHeaders.IF_MATCH) != null;
        String detail = e.actualVersion() > 0
                ? "It is at version " + e.actualVersion() + " now, not " + e.expectedVersion() + ": read it again, then repeat your change"
                : "Someone else changed it at the same moment: read it again, then repeat your change";
        ProblemDetail problem = conditional
                ? Problems.of(HttpStatus.PRECONDITION_FAILED, "Changed by someone else", detail,
                        java.util.List.of(new FieldProblem(HttpHeaders.IF_MATCH, detail)))
                : Problems.of(HttpStatus.CONFLICT, "Changed by someone else", detail);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (e.actualVersion() > 0) {
            response.eTag(StreamVersions.etag(e.actualVersion()));
        }
        return response.body(problem);
    }
}
