package com.storyloop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StoryTextsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTheSameStory_whenRevised_thenEveryRevisionIsANewTextSoTheStoreNeverRefusesItAsANoOp() throws Exception {
        String previous = null;
        for (int revision = 1; revision <= 30; revision++) {
            JsonNode body = JSON.readTree(StoryTexts.body(7, "A story", revision));
            // without the sentence naming the revision: the story itself must change, as a client's does
            String text = body.get("situation").asText().replaceAll(" It was revision \\d+ of how I tell it\\.", "") + body.get("task").asText()
                    + body.get("action").asText() + body.get("result").asText();
            assertThat(text).isNotEqualTo(previous);
            previous = text;
        }
    }

    @Test
    void givenAnyStory_whenGenerated_thenItIsAStarStoryOfInterviewLengthClaimingKnownPrinciples() throws Exception {
        for (long seed = 0; seed < 40; seed++) {
            JsonNode body = JSON.readTree(StoryTexts.body(seed, "Story " + seed, 2));
            int words = 0;
            for (String section : new String[] {"situation", "task", "action", "result"}) {
                words += body.get(section).asText().split("\\s+").length;
            }
            assertThat(words).as("words in story %d", seed).isBetween(120, 450);
            assertThat(body.get("principles")).hasSize(2);
            body.get("principles").forEach(p -> assertThat(p.asText()).matches("[A-Z_]+"));
            assertThat(body.get("note").asText()).startsWith("revision 2");
        }
    }

    @Test
    void givenTheSameSeedAndRevision_whenGeneratedTwice_thenTheTextIsTheSameSoARunCanBeRepeated() {
        assertThat(StoryTexts.body(3, "t", 4)).isEqualTo(StoryTexts.body(3, "t", 4));
    }
}
