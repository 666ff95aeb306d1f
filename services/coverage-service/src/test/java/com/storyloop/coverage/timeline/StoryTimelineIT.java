package com.storyloop.coverage.timeline;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.events.Dimension;
import com.storyloop.events.DimensionScore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.FlagCode;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Severity;
import com.storyloop.events.Verdict;
import com.storyloop.events.scoring.CoachScored;
import com.storyloop.events.scoring.Flag;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Revisions and scorecards on real Kafka become the story's timeline, each once, even with a scorecard ahead of its revision. */
class StoryTimelineIT extends CoverageServiceIT {

    private static final EventCodec CODEC = new EventCodec();

    static EventMetadata meta(String org, String client, String stream, long version) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(client).setStreamId(stream)
                .setStreamVersion(version).setOccurredAt(Instant.now()).setCorrelationId("corr").setActor("test").build();
    }

    static RevisionScored score(String org, String client, String story, int revision, Verdict verdict, int overall, int result,
                                double share, int seconds, FlagCode... flags) {
        List<Flag> raised = new ArrayList<>();
        for (FlagCode code : flags) {
            raised.add(new Flag(code, Severity.MAJOR, "why", List.of()));
        }
        return RevisionScored.newBuilder().setMetadata(meta(org, client, "scorecard-" + story + "-" + revision, 1)).setStoryId(story)
                .setBankId("bank").setRevision(revision).setRubricVersion("1").setVerdict(verdict).setOverall(overall).setDecidingRule("rule")
                .setDimensions(List.of(new DimensionScore(Dimension.RESULT, result, "r"), new DimensionScore(Dimension.AGENCY, 4, "a")))
                .setFlags(raised).setPrinciples(List.of())
                .setMeasurements(new Measurements(300, 40, 40, 140, 80, share, seconds, 140, 6, 1))
                .setLevelSignals(List.of()).setWarnings(List.of()).build();
    }

    static void send(String client, List<SpecificRecord> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (SpecificRecord e : events) {
                String topic = e instanceof RevisionScored || e instanceof CoachScored ? Topics.SCORING_EVENTS : Topics.STORY_EVENTS;
                producer.send(new ProducerRecord<>(topic, client, CODEC.encode(e))).get();
            }
        }
    }

    private HttpResponse<String> timeline(String story, String accept) throws Exception {
        return get("/api/stories/" + story + "/timeline", accept);
    }

    @Test
    void revisionsAndScoresDeliveredTwiceAndOutOfOrderMakeOneTimelineWithMovesAndAlerts() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String story = "story-" + UUID.randomUUID();
        StoryDrafted draft = StoryDrafted.newBuilder().setMetadata(meta(org, client, story, 1)).setBankId("bank").setStoryId(story).setRevision(1)
                .setTitle("Checkout").setSituation("Checkout was slow.").setTask("Fix it.").setAction("I profiled the service.")
                .setResult("It got faster.").setPrinciples(List.of(PrincipleCode.DIVE_DEEP)).build();
        StoryRevised second = StoryRevised.newBuilder().setMetadata(meta(org, client, story, 2)).setBankId("bank").setStoryId(story).setRevision(2)
                .setTitle("Checkout").setSituation("Checkout was slow.").setTask("Fix it.").setAction("I profiled the service.")
                .setResult("p99 fell from 900 ms to 300 ms.").setPrinciples(List.of(PrincipleCode.DIVE_DEEP)).build();
        StoryRevised third = StoryRevised.newBuilder().setMetadata(meta(org, client, story, 3)).setBankId("bank").setStoryId(story).setRevision(3)
                .setTitle("Checkout").setSituation("Checkout was slow.").setTask("Fix it.").setAction("We profiled the service.")
                .setResult("It got faster.").setPrinciples(List.of(PrincipleCode.DIVE_DEEP)).build();
        RevisionScored s1 = score(org, client, story, 1, Verdict.BORDERLINE, 55, 1, 0.7, 150, FlagCode.NO_MEASURABLE_RESULT);
        RevisionScored s2 = score(org, client, story, 2, Verdict.PASS, 78, 5, 0.72, 155);
        RevisionScored s3 = score(org, client, story, 3, Verdict.FAIL, 40, 1, 0.5, 200, FlagCode.ROYAL_WE, FlagCode.NO_MEASURABLE_RESULT);

        send(client, List.of(s2, s2, s3));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.timeline_score where story_id = ?", Long.class, story) == 2);
        send(client, List.of(draft, s1, draft, second, s1, third, second, s3, third));

        await().atMost(Duration.ofSeconds(60)).until(() -> timeline(story, null).body().contains("\"revision\":3"));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.timeline_score where story_id = ?", Long.class, story) == 3);
        HttpResponse<String> response = timeline(story, null);
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("\"storyId\":\"" + story + "\"").contains("\"consumerLag\":")
                .contains("\"revision\":1,").contains("\"revision\":2,").contains("\"revision\":3,")
                .contains("\"overall\":78,\"verdict\":\"PASS\"")
                .contains("\"flagsResolved\":[\"NO_MEASURABLE_RESULT\"],\"wordsChanged\":11,\"sectionsChanged\":[\"RESULT\"],\"dimensionMoves\":{\"RESULT\":4}")
                .contains("\"alerts\":[\"LOST_METRIC\",\"WE_IS_BACK\",\"BELOW_ACTION_RESULT_SHARE\",\"PAST_LENGTH_TARGET\"]");
        assertThat(body.split("\"revision\":").length - 1).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from coverage.timeline_revision where story_id = ?", Long.class, story)).isEqualTo(3);

        HttpResponse<String> csv = timeline(story, "text/csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("revision,at,overall,verdict,rubricVersion,FRICTION,AGENCY,MECHANISM,RESULT,CUSTOMER,JUDGEMENT,ARC,"
                + "SIMPLICITY,STRUCTURE,wordsChanged,sectionsChanged,dimensionMoves,flagsIntroduced,flagsResolved,alerts");
        // the scores carry AGENCY and RESULT; the other dimensions' columns stay empty
        assertThat(lines.stream().skip(1).map(line -> line.replaceFirst("^(\\d+),[^,]+,", "$1,AT,")).toList()).containsExactly(
                "1,AT,55,BORDERLINE,1,,4,,1,,,,,,0,,,,,",
                "2,AT,78,PASS,1,,4,,5,,,,,,11,RESULT,RESULT:+4,,NO_MEASURABLE_RESULT,",
                "3,AT,40,FAIL,1,,4,,1,,,,,,13,ACTION;RESULT,RESULT:-4,NO_MEASURABLE_RESULT;ROYAL_WE,,LOST_METRIC;WE_IS_BACK;BELOW_ACTION_RESULT_SHARE;PAST_LENGTH_TARGET");
    }

    @Test
    void cohortAnalyticsSummariseTheOrganisationsScorecards() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        send(client, List.of(
                score(org, client, a, 1, Verdict.FAIL, 40, 1, 0.7, 150, FlagCode.ROYAL_WE, FlagCode.NO_MEASURABLE_RESULT),
                score(org, client, a, 2, Verdict.PASS, 80, 5, 0.7, 150, FlagCode.ROYAL_WE),
                score(org, client, b, 1, Verdict.PASS, 70, 5, 0.7, 150),
                score(org, client, b, 1, Verdict.PASS, 70, 5, 0.7, 150),
                CoachScored.newBuilder().setMetadata(meta(org, client, "coach-" + a, 1)).setStoryId(a).setBankId("bank").setRevision(2)
                        .setCoachId("coach-1").setDimensions(List.of(new DimensionScore(Dimension.RESULT, 4, ""))).setFlags(List.of())
                        .setVerdict(Verdict.PASS).setComment(null).build()));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.timeline_score where org_id = ?", Long.class, org) == 3);
        assertThat(analytics(org, "/revisions", "text/csv").body().lines().toList())
                .containsExactly("revision,meanOverall,stories", "1,55.0,2", "2,80.0,1");
        assertThat(analytics(org, "/flags", "text/csv").body().lines().toList())
                .containsExactly("flag,raised,resolved,rate", "NO_MEASURABLE_RESULT,1,1,1.0", "ROYAL_WE,1,0,0.0");
        assertThat(analytics(org, "/revisions", null).body()).contains("\"medianRevisionsToPass\":1.5").contains("\"storiesAtPass\":2");
        HttpResponse<String> all = analytics(org, "", null);
        assertThat(all.body()).contains("\"meanOverallByRevision\":[").contains("\"flagResolution\":[").contains("\"heatmap\":[")
                .contains("\"consumerLag\":");
        assertThat(all.headers().firstValue("X-Consumer-Lag")).hasValueSatisfying(l -> assertThat(l).matches("[0-9]+"));
        assertThat(analytics(org, "/flags", null).body()).contains("\"consumerLag\":");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.coach_score where org_id = ?", Long.class, org) == 1);
        assertThat(analytics(org, "/agreement", "text/csv").body().lines().toList())
                .containsExactly("dimension,pairs,meanAbsoluteDifference,exactShare,withinOneShare", "RESULT,1,1.0,0.0,1.0", "VERDICT,1,,1.0,");
        assertThat(analytics(org, "", null).body()).contains("\"verdictAgreement\":1.0");
        assertThat(analytics(org, "/agreement", null).body()).contains("\"verdictAgreement\":1.0").contains("\"consumerLag\":");
        send(client, List.of(
                StoryDrafted.newBuilder().setMetadata(meta(org, client, a, 1)).setBankId("bank").setStoryId(a).setRevision(1).setTitle("a")
                        .setText("first").setPrinciples(List.of(PrincipleCode.FRUGALITY)).build(),
                StoryRevised.newBuilder().setMetadata(meta(org, client, a, 2)).setBankId("bank").setStoryId(a).setRevision(2).setTitle("a")
                        .setText("second").setPrinciples(List.of(PrincipleCode.FRUGALITY, PrincipleCode.OWNERSHIP)).build()));
        await().atMost(Duration.ofSeconds(60)).until(() -> analytics(org, "/heatmap", "text/csv").body().contains("OWNERSHIP"));
        assertThat(analytics(org, "/heatmap", "text/csv").body().lines().toList()).containsExactly(
                "principle,dimension,stories,meanScore,weakness",
                "FRUGALITY,AGENCY,1,4.0,1.0", "FRUGALITY,RESULT,1,5.0,0.0", "OWNERSHIP,AGENCY,1,4.0,1.0", "OWNERSHIP,RESULT,1,5.0,0.0");
        assertThat(analytics(org, "", "text/csv").body().lines().toList()).as("every table in one CSV").containsExactly(
                "table,key,value1,value2,value3,value4",
                "meanOverallByRevision,1,55.0,2,,", "meanOverallByRevision,2,80.0,1,,",
                "medianRevisionsToPass,,1.5,2,2,",
                "flagResolution,NO_MEASURABLE_RESULT,1,1,1.0,", "flagResolution,ROYAL_WE,1,0,0.0,",
                "coachAgreement,RESULT,1,1.0,0.0,1.0", "coachAgreement,VERDICT,1,1.0,,",
                "weaknessHeatmap,FRUGALITY:AGENCY,1,4.0,1.0,", "weaknessHeatmap,FRUGALITY:RESULT,1,5.0,0.0,",
                "weaknessHeatmap,OWNERSHIP:AGENCY,1,4.0,1.0,", "weaknessHeatmap,OWNERSHIP:RESULT,1,5.0,0.0,");
        assertThat(analytics(org, "/nothing", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> analytics(String org, String part, String accept) throws Exception {
        return get("/api/orgs/" + org + "/analytics" + part, accept);
    }

    @Test
    void anUnknownStoryIsNotFound() throws Exception {
        token = TestTokens.orgAdmin("org-" + UUID.randomUUID());
        assertThat(timeline("nothing-" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    }
}
