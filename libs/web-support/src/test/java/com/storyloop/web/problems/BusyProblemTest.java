package com.storyloop.web.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

class BusyProblemTest {

    @Test
    void givenNoDatabaseConnectionInTime_whenAnswered_thenTheCallerGets503WithRetryAfterAndIsToldNothingWasSaved() {
        ResponseEntity<ProblemDetail> response = new CommonProblems().busy(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(response.getBody().getTitle()).isEqualTo("Busy, nothing was saved");
        assertThat(response.getBody().getDetail()).contains("send the same request again");
    }
}
