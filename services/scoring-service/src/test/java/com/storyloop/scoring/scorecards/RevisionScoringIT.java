package com.storyloop.scoring.scorecards;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.storyloop.eventing.spring.EventingAutoConfiguration;
import com.storyloop.events.EvidenceSpan;
import com.storyloop.events.FlagCode;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.Flag;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Story events in, RevisionScored out: exactly one per (story, revision, rubric version), keyed by the client, with
 * evidence, even when story.events delivers the same events again or is replayed from the start.
 */
class RevisionScoringIT extends ScoringServiceIT {

    static final String STANDARD = "1.0.0";

    @Autowired
    EventingAutoConfiguration.EventingLifecycle eventing;

    @Test
    void eachDraftedOrRevisedRevisionGetsOneRevisionScoredKeyedByItsClientWithEvidence() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID());
        token = TestTokens.client(s.orgId, s.clientId); // the client reads their own scorecards
        StoryBankOpened opened = s.opened(Level.L7);
        StoryDrafted drafted = s.draftedStar(Stories.SITUATION, Stories.TASK, Stories.ACTION, Stories.RESULT, PrincipleCode.BIAS_FOR_ACTION,
                PrincipleCode.FRUGALITY);
        StoryRevised revised = s.revisedText(2, Stories.TEXT, PrincipleCode.FRUGALITY, PrincipleCode.DIVE_DEEP);
        produce(opened, drafted, revised);

        List<Scored> events = readScoringEvents(read -> revisionsScored(read, s.storyId).size() >= 2);
        List<RevisionScored> scored = revisionsScored(events, s.storyId);
        assertThat(scored).extracting(RevisionScored::getRevision).containsExactlyInAnyOrder(1, 2);
        assertThat(events.stream().filter(e -> e.event() instanceof RevisionScored && ((RevisionScored) e.event()).getStoryId().equals(s.storyId))
                .map(Scored::key)).containsOnly(s.clientId);

        RevisionScored first = scored.stream().filter(e -> e.getRevision() == 1).findFirst().orElseThrow();
        assertThat(first.getMetadata().getClientId()).isEqualTo(s.clientId);
        assertThat(first.getMetadata().getOrgId()).isEqualTo(s.orgId);
        assertThat(first.getMetadata().getCausationId()).isEqualTo(drafted.getMetadata().getEventId().toString());
        assertThat(first.getMetadata().getCorrelationId()).isEqualTo(s.correlationId);
        assertThat(first.getMetadata().getActor()).isEqualTo("system:scoring-service");
        assertThat(first.getRubricVersion()).isEqualTo(STANDARD);
        assertThat(first.getBankId()).isEqualTo(s.bankId);
        assertThat(first.getDimensions()).hasSize(9);
        assertThat(first.getPrinciples()).hasSize(16);
        assertThat(first.getDecidingRule()).isNotBlank();
        // the bypass is a severe flag with its evidence in the Action exactly as the story event carried it
        Flag bypass = first.getFlags().stream().filter(f -> f.getCode() == FlagCode.SAFEGUARD_BYPASS).findFirst().orElseThrow();
        assertThat(bypass.getSeverity().name()).isEqualTo("SEVERE");
        EvidenceSpan span = bypass.getEvidence().get(0);
        assertThat(span.getSection()).isEqualTo("ACTION");
        assertThat(Stories.ACTION.substring(span.getStart(), span.getEnd())).containsIgnoringCase("skipped the security review");
        assertThat(first.getVerdict().name()).isEqualTo("FAIL");
        // L7 target: scope signals are reported with their offsets
        assertThat(first.getLevelSignals()).isNotEmpty();

        RevisionScored second = scored.stream().filter(e -> e.getRevision() == 2).findFirst().orElseThrow();
        assertThat(second.getMetadata().getCausationId()).isEqualTo(revised.getMetadata().getEventId().toString());
        assertThat(second.getFlags()).allSatisfy(f -> f.getEvidence().forEach(e -> {
            assertThat(e.getSection()).isNull();
            assertThat(e.getText()).contains(Stories.TEXT.substring(e.getStart(), e.getEnd()));
        }));
        assertThat(second.getPrinciples()).filteredOn(p -> p.getCode() == PrincipleCode.DIVE_DEEP).singleElement()
                .satisfies(p -> assertThat(p.getClaimed()).isTrue());

        // the read model: every version's scorecard of a revision, and the latest one of the story
        JsonNode revision1 = get("/api/stories/" + s.storyId + "/revisions/1/scorecards").assertStatus(200).json();
        assertThat(revision1.get("scorecards").values()).singleElement().satisfies(card -> {
            assertThat(card.get("rubricVersion").asString()).isEqualTo(STANDARD);
            assertThat(card.get("eventId").asString()).isEqualTo(first.getMetadata().getEventId().toString());
            assertThat(card.get("scorecard").get("verdict").asString()).isEqualTo("FAIL");
            assertThat(card.get("scorecard").get("segmentation").get("mode").asString()).isEqualTo("STAR_FIELDS");
        });
        JsonNode latest = get("/api/stories/" + s.storyId + "/scorecard").assertStatus(200).json();
        assertThat(latest.get("revision").asInt()).isEqualTo(2);
        assertThat(latest.get("overall").asInt()).isEqualTo(second.getOverall());
        get("/api/stories/" + s.storyId + "/revisions/3/scorecards").assertStatus(404);
    }

    @Test
    void theStoredScorecardIsTheOneThePreviewGivesForTheSameInput() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID());
        token = TestTokens.orgAdmin(s.orgId);
        produce(s.opened(Level.L7), s.draftedStar(Stories.SITUATION, Stories.TASK, Stories.ACTION, Stories.RESULT, PrincipleCode.BIAS_FOR_ACTION));

        await().atMost(PATIENCE).until(() -> get("/api/stories/" + s.storyId + "/revisions/1/scorecards/" + STANDARD).status() == 200);
        JsonNode stored = get("/api/stories/" + s.storyId + "/revisions/1/scorecards/" + STANDARD).json().get("scorecard");
        JsonNode preview = post("/api/score", Map.of("situation", Stories.SITUATION, "task", Stories.TASK, "action", Stories.ACTION, "result",
                Stories.RESULT, "principles", List.of("BIAS_FOR_ACTION"), "level", "L7")).assertStatus(200).json();
        assertThat(stored).isEqualTo(preview);
    }

    @Test
    void aScorecardIsServedAsScoredEvenAfterTheClaimsOfItsRevisionChange() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID());
        token = TestTokens.orgAdmin(s.orgId);
        produce(s.opened(Level.L6), s.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY));
        await().atMost(PATIENCE).until(() -> get("/api/stories/" + s.storyId + "/revisions/1/scorecards/" + STANDARD).status() == 200);
        JsonNode before = get("/api/stories/" + s.storyId + "/revisions/1/scorecards/" + STANDARD).json().get("scorecard");

        produce(s.claimed(1, PrincipleCode.DIVE_DEEP, PrincipleCode.OWNERSHIP));
        StoryStream marker = s.anotherStory(); // same partition: once it is scored, the claim was applied
        produce(marker.draftedText(Stories.TEXT));
        await().atMost(PATIENCE).until(() -> get("/api/stories/" + marker.storyId + "/revisions/1/scorecards").status() == 200
                && get("/api/stories/" + marker.storyId + "/revisions/1/scorecards").json().get("scorecards").size() == 1);

        JsonNode after = get("/api/stories/" + s.storyId + "/revisions/1/scorecards/" + STANDARD).json().get("scorecard");
        assertThat(after).isEqualTo(before);
        assertThat(after.get("principles").get("claimed").values()).extracting(JsonNode::asString).containsExactly("FRUGALITY");
        JsonNode preview = post("/api/score", Map.of("text", Stories.TEXT, "principles", List.of("FRUGALITY"), "level", "L6")).json();
        assertThat(after).isEqualTo(preview);
    }

    @Test
    void theSameStoryEventsDeliveredTwiceGiveOneRevisionScoredPerRevisionAndVersion() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID());
        token = TestTokens.orgAdmin(s.orgId);
        StoryBankOpened opened = s.opened(Level.L6);
        StoryDrafted drafted = s.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY);
        StoryRevised revised = s.revisedText(2, Stories.TEXT + "\nI also wrote the playbook.", PrincipleCode.FRUGALITY);
        produce(opened, drafted, revised);
        produce(opened, drafted, revised, drafted);
        // a later story of the same client: same partition, so once it is scored the duplicates before it were consumed
        StoryStream marker = s.anotherStory();
        produce(marker.draftedText(Stories.TEXT));

        List<Scored> events = readScoringEvents(read -> !revisionsScored(read, marker.storyId).isEmpty());

        assertThat(revisionsScored(events, s.storyId)).extracting(RevisionScored::getRevision).containsExactlyInAnyOrder(1, 2);
        assertThat(jdbc.queryForObject("select count(*) from events where stream_id like ?", Long.class, "scorecard/" + s.storyId + "/%"))
                .isEqualTo(2);
        assertThat(get("/api/stories/" + s.storyId + "/revisions/2/scorecards").json().get("scorecards").values()).hasSize(1);
    }

    @Test
    void replayingStoryEventsFromTheStartWithPositionsAndInboxResetScoresNothingTwice() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID());
        token = TestTokens.orgAdmin(s.orgId);
        StoryDrafted drafted = s.draftedText(Stories.TEXT, PrincipleCode.FRUGALITY);
        produce(s.opened(Level.L6), drafted, s.revisedText(2, Stories.TEXT + "\nThen I trained the team.", PrincipleCode.FRUGALITY));
        readScoringEvents(read -> revisionsScored(read, s.storyId).size() >= 2);

        // replay as stop, reset, start: positions and inbox forgotten, so every record of story.events is applied again
        eventing.stop();
        jdbc.update("delete from consumer_positions where consumer_group = 'scoring-revisions'");
        jdbc.update("delete from inbox where consumer_group = 'scoring-revisions'");
        eventing.start();
        StoryStream marker = s.anotherStory();
        produce(marker.draftedText(Stories.TEXT));

        List<Scored> events = readScoringEvents(read -> !revisionsScored(read, marker.storyId).isEmpty());
        // the replay did reach the old events (they are in the inbox again)...
        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = 'scoring-revisions' and event_id = ?", Long.class,
                drafted.getMetadata().getEventId())).isEqualTo(1);
        // ...and still wrote no second scorecard, for this story or any other
        assertThat(revisionsScored(events, s.storyId)).hasSize(2);
        Map<String, Long> perKey = events.stream().filter(e -> e.event() instanceof RevisionScored).map(e -> (RevisionScored) e.event())
                .collect(Collectors.groupingBy(e -> e.getStoryId() + "/" + e.getRevision() + "/" + e.getRubricVersion(), Collectors.counting()));
        assertThat(perKey).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        assertThat(jdbc.queryForList("select stream_id from events group by stream_id having count(*) > 1 and stream_id like 'scorecard/%'",
                String.class)).isEmpty();
    }
}
