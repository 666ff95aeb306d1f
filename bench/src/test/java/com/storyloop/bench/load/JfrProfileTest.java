package com.storyloop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class JfrProfileTest {

    private static final String PRINTED = """
            jdk.ExecutionSample {
              startTime = 10:00:00.100
              sampledThread = "http-nio-1" (javaThreadId = 40)
              state = "STATE_RUNNABLE"
              stackTrace = [
                java.util.regex.Pattern$Start.match(java.util.regex.Matcher, int, CharSequence) line: 1
                com.storyloop.rubric.RubricEngine.score(com.storyloop.rubric.StoryInput) line: 80
                com.storyloop.scoring.ScoreRevision.handle(Object) line: 12
                ...
              ]
            }

            jdk.ExecutionSample {
              startTime = 10:00:00.110
              stackTrace = [
                java.util.regex.Pattern$Start.match(java.util.regex.Matcher, int, CharSequence) line: 1
                org.postgresql.core.v3.QueryExecutorImpl.execute() line: 9
              ]
            }

            jdk.ExecutionSample {
              startTime = 10:00:00.120
              stackTrace = [
                com.storyloop.rubric.RubricEngine.score(com.storyloop.rubric.StoryInput) line: 81
              ]
            }
            """;

    @Test
    void givenPrintedSamples_whenParsed_thenTopFramesAndTheNearestStoryloopMethodAreCountedPerSample() throws Exception {
        JfrProfile.Hotspots hotspots = JfrProfile.parse(new BufferedReader(new StringReader(PRINTED)), 5);

        assertThat(hotspots.samples()).isEqualTo(3);
        assertThat(hotspots.topFrames()).containsEntry("java.util.regex.Pattern$Start.match(java.util.regex.Matcher, int, CharSequence)", 2L)
                .containsEntry("com.storyloop.rubric.RubricEngine.score(com.storyloop.rubric.StoryInput)", 1L);
        assertThat(hotspots.storyloopFrames()).containsOnly(java.util.Map.entry("com.storyloop.rubric.RubricEngine.score(com.storyloop.rubric.StoryInput)", 2L));
        assertThat(hotspots.topFrames().keySet()).first().asString().startsWith("java.util.regex");
    }
}
