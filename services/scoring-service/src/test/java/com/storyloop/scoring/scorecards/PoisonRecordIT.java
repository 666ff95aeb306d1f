package com.storyloop.scoring.scorecards;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.events.Level;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.Topics;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.TestTokens;
import com.storyloop.testsupport.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;

/** A poison record or a story event that fails validation goes to the group's dead-letter topic; scoring carries on. */
class PoisonRecordIT extends ScoringServiceIT {

    static final String DLQ = Topics.deadLetter(Topics.STORY_EVENTS, "scoring-revisions");

    @Test
    void garbageAndInvalidRevisionsAreDeadLetteredAndTheNextRevisionIsStillScored() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID());
        token = TestTokens.orgAdmin(s.orgId);
        String poisonKey = s.clientId;
        produce(s.opened(Level.L6));
        produceRaw(Topics.STORY_EVENTS, poisonKey, "definitely not avro".getBytes());
        StoryRevised empty = s.revisedText(2, "   \n  ");
        StoryRevised both = StoryRevised.newBuilder(s.revisedText(3, Stories.TEXT)).setSituation("A situation as well").build();
        StoryRevised wrongKey = s.revisedText(4, Stories.TEXT);
        produce(empty, both);
        produceRaw(Topics.STORY_EVENTS, "someone-else", CODEC.encode(wrongKey));
        StoryStream tooLong = s.anotherStory();
        produce(tooLong.draftedText("I decided ".repeat(2_001))); // 20,010 characters: past the story bank's limit
        StoryStream withNul = s.anotherStory();
        produce(withNul.draftedText("I decided to ship it.\u0000 The result was 12% more orders."));
        StoryStream after = s.anotherStory();
        produce(after.draftedText(Stories.TEXT));

        List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(DLQ,
                read -> read.stream().filter(r -> poisonKey.equals(r.key()) || "someone-else".equals(r.key())).count() >= 6, PATIENCE);
        List<Map<String, String>> headers = dead.stream().filter(r -> poisonKey.equals(r.key()) || "someone-else".equals(r.key()))
                .map(TestKafka::headers).toList();
        assertThat(headers).extracting(h -> h.get("dlq-reason"))
                .containsExactlyInAnyOrder("NOT_SINGLE_OBJECT", "INVALID_STORY", "INVALID_REVISION", "KEY_MISMATCH", "INVALID_STORY", "INVALID_STORY");
        assertThat(headers).allSatisfy(h -> {
            assertThat(h.get("dlq-original-topic")).isEqualTo(Topics.STORY_EVENTS);
            assertThat(h.get("dlq-consumer-group")).isEqualTo("scoring-revisions");
            assertThat(h.get("dlq-message")).isNotBlank();
        });
        assertThat(headers).filteredOn(h -> "INVALID_STORY".equals(h.get("dlq-reason"))).extracting(h -> h.get("dlq-message"))
                .anySatisfy(m -> assertThat(m).contains("EMPTY_STORY")).anySatisfy(m -> assertThat(m).contains("STORY_TOO_LONG"))
                .anySatisfy(m -> assertThat(m).contains("BINARY_CONTENT"));

        // the consumer moved on: the story drafted after the bad records is scored, the bad ones are not
        readScoringEvents(read -> !revisionsScored(read, after.storyId).isEmpty());
        assertThat(get("/api/stories/" + s.storyId + "/revisions/2/scorecards").status()).isEqualTo(404);
        assertThat(get("/api/stories/" + s.storyId + "/revisions/3/scorecards").status()).isEqualTo(404);
        assertThat(get("/api/stories/" + tooLong.storyId + "/revisions/1/scorecards").status()).isEqualTo(404);
        assertThat(get("/api/stories/" + withNul.storyId + "/revisions/1/scorecards").status()).isEqualTo(404);
    }
}
