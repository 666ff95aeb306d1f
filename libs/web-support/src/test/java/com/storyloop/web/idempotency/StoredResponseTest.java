package com.storyloop.web.idempotency;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredResponseTest {

    @Test
    void headersSurviveTheirStoredForm() {
        List<StoredResponse.Header> headers = List.of(new StoredResponse.Header("Location", "/api/stories/s-1"),
                new StoredResponse.Header("ETag", "\"1\""), new StoredResponse.Header("Content-Type", "application/json"));
        StoredResponse response = new StoredResponse("fp", 201, headers, new byte[0]);

        assertThat(StoredResponse.headersFromText(response.headersAsText())).isEqualTo(headers);
    }

    @Test
    void connectionHeadersAreNotReplayed() {
        assertThat(StoredResponse.replayable("Date")).isFalse();
        assertThat(StoredResponse.replayable("content-length")).isFalse();
        assertThat(StoredResponse.replayable("ETag")).isTrue();
    }
}
