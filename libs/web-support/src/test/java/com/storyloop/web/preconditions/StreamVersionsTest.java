package com.storyloop.web.preconditions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamVersionsTest {

    @Test
    void theETagIsTheQuotedStreamVersionAndIfMatchGivesItBack() {
        assertThat(StreamVersions.etag(7)).isEqualTo("\"7\"");
        assertThat(StreamVersions.expectedVersion(StreamVersions.etag(7), "the story")).isEqualTo(7);
        assertThat(StreamVersions.expectedVersion(" \"12\" ", "the story")).isEqualTo(12);
    }

    @Test
    void aMissingIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> StreamVersions.expectedVersion(null, "the story")).isInstanceOf(PreconditionRequired.class)
                .hasMessageContaining("If-Match");
        assertThatThrownBy(() -> StreamVersions.expectedVersion("  ", "the story")).isInstanceOf(PreconditionRequired.class);
    }

    @Test
    void anIfMatchThatNamesNoSingleVersionCannotMatch() {
        for (String tag : new String[] {"*", "W/\"3\"", "\"3\", \"4\"", "3", "\"abc\""}) {
            assertThatThrownBy(() -> StreamVersions.expectedVersion(tag, "the story")).as(tag).isInstanceOf(PreconditionFailed.class);
        }
    }
}
