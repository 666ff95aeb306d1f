package com.storyloop.web.problems;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A body whose JSON is fine but whose value has the wrong kind is a 400 naming that value's field, in the caller's terms. */
class UnreadableValueProblemTest {

    enum Level { L4, L5, L6 }

    record Section(String heading, List<Integer> pages) {
    }

    record Request(String title, Level level, LocalDate interviewDate, List<Section> sections) {
    }

    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errorsFor(String body) {
        ProblemDetail problem = problemFor(body);
        assertThat(problem.getStatus()).isEqualTo(400);
        return (List<Map<String, Object>>) problem.getProperties().get("errors");
    }

    private ProblemDetail problemFor(String body) {
        Throwable failure = catchThrowable(() -> json.readValue(body, Request.class));
        HttpInputMessage input = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes());
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
        ResponseEntity<Object> response = new ValidationProblems().handleHttpMessageNotReadable(
                new HttpMessageNotReadableException("JSON parse error", failure, input), null, null, null);
        return (ProblemDetail) response.getBody();
    }

    @Test
    void anUnknownEnumValueNamesItsFieldAndTheAcceptedValues() {
        assertThat(errorsFor("{\"title\": \"x\", \"level\": \"L9\"}"))
                .containsExactly(Map.of("field", "level", "message", "'L9' is not one of L4, L5, L6"));
    }

    @Test
    void aBadDateNamesItsFieldAndTheExpectedForm() {
        assertThat(errorsFor("{\"interviewDate\": \"next week\"}"))
                .containsExactly(Map.of("field", "interviewDate", "message", "'next week' is not a date such as 2026-12-01"));
    }

    @Test
    void aValueDeepInsideAListIsNamedByItsPath() {
        assertThat(errorsFor("{\"sections\": [{\"heading\": \"a\", \"pages\": [1]}, {\"heading\": \"b\", \"pages\": [2, \"three\"]}]}"))
                .extracting(e -> e.get("field")).containsExactly("sections[1].pages[1]");
        assertThat(errorsFor("{\"title\": [\"not\", \"text\"]}")).containsExactly(Map.of("field", "title", "message", "must be text"));
        assertThat(errorsFor("{\"sections\": \"none\"}")).extracting(e -> e.get("field")).containsExactly("sections");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertThat(errorsFor("{\"title\": \"x\", \"colour\": \"red\"}"))
                .containsExactly(Map.of("field", "colour", "message", "is not a field of this request"));
    }

    @Test
    void brokenJsonSaysWhereAndNamesNoJavaClass() {
        ProblemDetail problem = problemFor("{\"title\": \"x\",\n \"level\": }");

        assertThat(problem.getTitle()).isEqualTo("Malformed request body");
        assertThat(problem.getDetail()).contains("(line 2, column").doesNotContain("com.storyloop").doesNotContain("UnreadableValueProblemTest");
        assertThat(problem.getProperties()).isNull();
    }
}
