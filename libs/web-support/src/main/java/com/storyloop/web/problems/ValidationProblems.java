package com.storyloop.web.problems;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Spring MVC's own errors (415, 405, 406, 404 for unknown paths, ...) as problem details, and every 400 naming the fields
 * at fault in {@code errors: [{field, message}]} next to the RFC 9457 fields.
 */
@RestControllerAdvice
public class ValidationProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), String.valueOf(f.getDefaultMessage()))).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request",
                "Invalid " + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList()), errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException jackson = find(ex, JacksonException.class);
        String field = jackson == null ? "" : field(jackson.getPath());
        if (jackson instanceof DatabindException && !field.isEmpty()) {
            FieldProblem problem = new FieldProblem(field, valueProblem((DatabindException) jackson));
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid " + field, List.of(problem)));
        }
        String where = jackson != null && jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0
                ? " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")" : "";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The body is not valid JSON for this request" + where + ": " + rootMessage(ex));
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the value at fault, as the other 400s name fields: {@code interviewDate}, {@code principles[2]}. */
    static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What is wrong with the value, in the caller's terms: the accepted values or the expected kind, never a Java class name. */
    static String valueProblem(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        String expected = expected(type);
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not " + expected;
        }
        return "must be " + expected;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right kind";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-12-01";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp such as 2026-12-01T09:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return kind.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root instanceof JacksonException j && j.getOriginalMessage() != null ? j.getOriginalMessage()
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
