package com.storyloop.coverage.principles;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.storyloop.events.Dimension;
import com.storyloop.events.DimensionScore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.DeepDiveAttached;
import com.storyloop.events.story.DeepDiveSection;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRetired;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestKafka;
import com.storyloop.testsupport.TestTokens;

import static com.storyloop.events.PrincipleCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Story and scoring events on real Kafka become the client's principle coverage in PostgreSQL, exactly once. */
class PrincipleCoverageIT extends CoverageServiceIT {

    private static final String GROUP = "coverage-principles";
    private static final EventCodec CODEC = new EventCodec();

    record Sent(String topic, String key, SpecificRecord event) {
        UUID eventId() {
            return ((EventMetadata) event.get(0)).getEventId();
        }
    }

    /** A coached bank: ten stories covering all 16 principles, one revised from FAIL to PASS, one re-tagged, one retired. */
    static List<Sent> scenario(String org, String client) {
        return scenario(org, client, false);
    }

    /** The same bank; {@code withoutFrugality}: no story claims or demonstrates Frugality. */
    static List<Sent> scenario(String org, String client, boolean withoutFrugality) {
        PrincipleCode[][] claims = withoutFrugality ? new PrincipleCode[][] {
                {CUSTOMER_OBSESSION, OWNERSHIP}, {INVENT_AND_SIMPLIFY, ARE_RIGHT_A_LOT}, {LEARN_AND_BE_CURIOUS, HIRE_AND_DEVELOP},
                {HIGHEST_STANDARDS, THINK_BIG}, {BIAS_FOR_ACTION}, {EARN_TRUST, DIVE_DEEP}, {BACKBONE},
                {DELIVER_RESULTS}, {EARTHS_BEST_EMPLOYER}, {BROAD_RESPONSIBILITY}, {BIAS_FOR_ACTION}} : new PrincipleCode[][] {
                {CUSTOMER_OBSESSION, OWNERSHIP}, {INVENT_AND_SIMPLIFY, ARE_RIGHT_A_LOT}, {LEARN_AND_BE_CURIOUS, HIRE_AND_DEVELOP},
                {HIGHEST_STANDARDS, THINK_BIG}, {BIAS_FOR_ACTION, FRUGALITY}, {EARN_TRUST, DIVE_DEEP}, {BACKBONE},
                {DELIVER_RESULTS}, {EARTHS_BEST_EMPLOYER}, {BROAD_RESPONSIBILITY}, {FRUGALITY}};
        List<Sent> events = new ArrayList<>();
        String bank = client + "-bank";
        events.add(story(client, StoryBankOpened.newBuilder().setMetadata(meta(org, client, bank, 1)).setBankId(bank).setCoachId("coach")
                .setTargetRole("Senior PM").setTargetLevel(Level.L6).setInterviewDate(null).build()));
        for (int i = 0; i < claims.length; i++) {
            String id = client + "-s" + i;
            events.add(story(client, StoryDrafted.newBuilder().setMetadata(meta(org, client, id, 1)).setBankId(bank).setStoryId(id)
                    .setRevision(1).setTitle("Story " + i).setText(words(id)).setPrinciples(List.of(claims[i])).setProjectTag("p" + i).build()));
            boolean failsFirst = i == 4 || i == 10;
            events.add(score(org, client, bank, id, 1, failsFirst ? Verdict.FAIL : Verdict.PASS, failsFirst ? 40 : 80, claims[i]));
        }
        String s4 = client + "-s4";
        events.add(story(client, StoryRevised.newBuilder().setMetadata(meta(org, client, s4, 2)).setBankId(bank).setStoryId(s4).setRevision(2)
                .setTitle("Story 4, better").setText(words(s4) + " with a false start").setPrinciples(List.of(claims[4])).build()));
        events.add(score(org, client, bank, s4, 2, Verdict.PASS, 82, claims[4]));
        for (int i = 0; i < 9; i++) {
            String id = client + "-s" + i;
            events.add(story(client, DeepDiveAttached.newBuilder().setMetadata(meta(org, client, id, i == 4 ? 3 : 2)).setBankId(bank).setStoryId(id)
                    .setSections(List.of(new DeepDiveSection("Raw data", "numbers"))).build()));
        }
        String s0 = client + "-s0";
        events.add(story(client, PrinciplesClaimed.newBuilder().setMetadata(meta(org, client, s0, 3)).setBankId(bank).setStoryId(s0).setRevision(1)
                .setPrinciples(List.of(CUSTOMER_OBSESSION, OWNERSHIP, THINK_BIG, DIVE_DEEP, BACKBONE, EARN_TRUST, DELIVER_RESULTS)).build()));
        String s10 = client + "-s10";
        events.add(story(client, StoryRetired.newBuilder().setMetadata(meta(org, client, s10, 2)).setBankId(bank).setStoryId(s10).setReason("weak").build()));
        // a second apart, as a coached bank grows: every run of the scenario happens on the same clock
        for (int i = 0; i < events.size(); i++) {
            ((EventMetadata) events.get(i).event().get(0)).put("occurredAt", Instant.parse("2026-10-01T09:00:00Z").plusSeconds(i));
        }
        return events;
    }

    static Sent story(String client, SpecificRecord event) {
        return new Sent(Topics.STORY_EVENTS, client, event);
    }

    static Sent score(String org, String client, String bank, String storyId, int revision, Verdict verdict, int overall, PrincipleCode... claimed) {
        Set<PrincipleCode> claims = Set.of(claimed);
        List<PrincipleFit> fits = new ArrayList<>();
        for (PrincipleCode code : PrincipleCode.values()) {
            if (code != PrincipleCode.UNKNOWN) {
                fits.add(new PrincipleFit(code, claims.contains(code) ? 0.8 : 0.1, claims.contains(code), List.of()));
            }
        }
        RevisionScored scored = RevisionScored.newBuilder().setMetadata(meta(org, client, "scorecard-" + storyId + "-" + revision, 1))
                .setStoryId(storyId).setBankId(bank).setRevision(revision).setRubricVersion("1").setVerdict(verdict).setOverall(overall)
                .setDecidingRule("overall " + overall).setDimensions(List.of(new DimensionScore(Dimension.FRICTION, 4, "a trade-off")))
                .setFlags(List.of()).setPrinciples(fits)
                .setMeasurements(new Measurements(300, 40, 40, 140, 80, 0.73, 130, 140, 6, 1))
                .setLevelSignals(List.of()).setWarnings(List.of()).build();
        return new Sent(Topics.SCORING_EVENTS, client, scored);
    }

    static EventMetadata meta(String org, String client, String stream, long version) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(org).setClientId(client).setStreamId(stream)
                .setStreamVersion(version).setOccurredAt(Instant.now()).setCorrelationId("corr").setActor("test").build();
    }

    static String words(String id) {
        StringBuilder text = new StringBuilder("I decided");
        for (int i = 0; i < 20; i++) {
            text.append(' ').append(id.replace('-', 'x')).append("w").append(i);
        }
        return text.toString();
    }

    static void send(List<Sent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (Sent e : events) {
                producer.send(new ProducerRecord<>(e.topic(), e.key(), CODEC.encode(e.event()))).get();
            }
        }
    }

    private HttpResponse<String> coverage(String client, String accept) throws Exception {
        return get("/api/clients/" + client + "/coverage", accept);
    }

    /** The timeline's readiness points without their instants (the two runs happened at different times). */
    private List<String> readinessSeries(String client) throws Exception {
        return get("/api/clients/" + client + "/timeline", "text/csv").body().lines().skip(1)
                .map(line -> line.substring(line.indexOf(',') + 1)).toList();
    }

    private void awaitApplied(List<Sent> events) {
        awaitApplied(GROUP, events.stream().map(Sent::eventId).toList(), Duration.ofSeconds(90));
    }

    @Test
    void duplicatedAndShuffledDeliveryGivesTheSameCoverageAsACleanRun() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String clean = "clean-" + UUID.randomUUID();
        String messy = "messy-" + UUID.randomUUID();

        List<Sent> cleanRun = scenario(org, clean);
        send(cleanRun);

        // the messy run: every event twice; story events stay in stream order (one partition per client), copies land
        // anywhere later; scorecards are shuffled across the story events, and one arrives before the revision it scores
        List<Sent> messyRun = scenario(org, messy);
        Random random = new Random(42);
        List<Sent> stories = new ArrayList<>();
        List<Sent> scores = new ArrayList<>();
        for (Sent e : messyRun) {
            (e.topic().equals(Topics.STORY_EVENTS) ? stories : scores).add(e);
        }
        List<Sent> storyDeliveries = new ArrayList<>(stories);
        for (Sent e : stories) {
            int at = storyDeliveries.indexOf(e) + 1;
            storyDeliveries.add(at + random.nextInt(storyDeliveries.size() - at + 1), e);
        }
        Sent earlyScore = scores.stream().filter(s -> ((RevisionScored) s.event()).getRevision() == 2).findFirst().orElseThrow();
        send(List.of(earlyScore, earlyScore));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.coverage_score where client_id = ?", Long.class, messy) == 1);
        List<Sent> scoreDeliveries = new ArrayList<>(scores);
        scoreDeliveries.addAll(scores);
        Collections.shuffle(scoreDeliveries, random);
        List<Sent> deliveries = new ArrayList<>();
        int si = 0;
        int ci = 0;
        while (si < storyDeliveries.size() || ci < scoreDeliveries.size()) {
            boolean takeStory = ci >= scoreDeliveries.size() || (si < storyDeliveries.size() && random.nextBoolean());
            deliveries.add(takeStory ? storyDeliveries.get(si++) : scoreDeliveries.get(ci++));
        }
        assertThat(deliveries.size()).isEqualTo(2 * messyRun.size()); // the early scorecard is delivered twice more
        send(deliveries);

        awaitApplied(cleanRun);
        awaitApplied(messyRun);

        HttpResponse<String> cleanResponse = coverage(clean, null);
        HttpResponse<String> messyResponse = coverage(messy, "application/json");
        assertThat(cleanResponse.statusCode()).isEqualTo(200);
        assertThat(cleanResponse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        String body = cleanResponse.body();
        assertThat(messyResponse.body().replace(messy, "CLIENT").replaceAll("\"consumerLag\":\\d+", ""))
                .isEqualTo(body.replace(clean, "CLIENT").replaceAll("\"consumerLag\":\\d+", ""));

        assertThat(body).contains("\"clientId\":\"" + clean + "\"")
                .contains("\"findings\":[\"COVERAGE_COMPLETE\",\"OVERSTRETCHED:" + clean + "-s0\",\"NO_DEEP_DIVE:" + clean + "-s9\"]")
                .contains("\"readiness\":85")
                .contains("\"activeStories\":10")
                .contains("\"consumerLag\":")
                // the FAIL draft of s4 was superseded by its PASS revision 2, which is now the best Frugality story
                .contains("{\"code\":\"FRUGALITY\",\"stories\":[{\"storyId\":\"" + clean + "-s4\",\"claimed\":true,\"fit\":0.8,\"verdict\":\"PASS\",\"overall\":82}],\"bestStoryId\":\"" + clean + "-s4\"}")
                // s0 now claims THINK_BIG without demonstrating it; s3 still covers it
                .contains("{\"code\":\"THINK_BIG\",\"stories\":[{\"storyId\":\"" + clean + "-s0\",\"claimed\":true,\"fit\":0.1,\"verdict\":\"PASS\",\"overall\":80},"
                        + "{\"storyId\":\"" + clean + "-s3\",\"claimed\":true,\"fit\":0.8,\"verdict\":\"PASS\",\"overall\":80}],\"bestStoryId\":\"" + clean + "-s3\"}");
        for (PrincipleCode code : EnumSet.complementOf(EnumSet.of(PrincipleCode.UNKNOWN))) {
            assertThat(body).contains("{\"code\":\"" + code.name() + "\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from coverage.coverage_story where client_id = ?", Long.class, messy)).isEqualTo(11);
        assertThat(jdbc.queryForObject("select count(*) from coverage.coverage_score where client_id = ?", Long.class, messy)).isEqualTo(12);

        // the client timeline is folded in the order events happened, so the messy run's series matches point for point
        assertThat(readinessSeries(messy)).isEqualTo(readinessSeries(clean)).hasSizeGreaterThan(20);

        HttpResponse<String> csv = coverage(clean, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst()).hasValue("principle,storyId,claimed,fit,verdict,overall,best");
        assertThat(csv.body()).contains("FRUGALITY," + clean + "-s4,true,0.8,PASS,82,true\n")
                .contains("THINK_BIG," + clean + "-s0,true,0.1,PASS,80,false\n");
    }

    @Test
    void theSameBankWithoutFrugalityAndABankOfSixteenFailingStoriesClaimingEverythingThroughKafka() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String frugal = "frugal-" + UUID.randomUUID();
        String noFrugality = "no-frugality-" + UUID.randomUUID();
        String overclaimer = "overclaimer-" + UUID.randomUUID();
        List<Sent> withFrugality = scenario(org, frugal);
        List<Sent> withoutFrugality = scenario(org, noFrugality, true);
        List<Sent> sixteenFailing = new ArrayList<>();
        String bank = overclaimer + "-bank";
        PrincipleCode[] everything = EnumSet.complementOf(EnumSet.of(PrincipleCode.UNKNOWN)).toArray(new PrincipleCode[0]);
        sixteenFailing.add(story(overclaimer, StoryBankOpened.newBuilder().setMetadata(meta(org, overclaimer, bank, 1)).setBankId(bank).setCoachId("coach")
                .setTargetRole("PM").setTargetLevel(Level.L6).setInterviewDate(null).build()));
        for (int i = 0; i < 16; i++) {
            String id = overclaimer + "-s" + i;
            sixteenFailing.add(story(overclaimer, StoryDrafted.newBuilder().setMetadata(meta(org, overclaimer, id, 1)).setBankId(bank).setStoryId(id)
                    .setRevision(1).setTitle("Everything " + i).setText(words(id)).setPrinciples(List.of(everything)).setProjectTag("t" + i).build()));
            sixteenFailing.add(score(org, overclaimer, bank, id, 1, Verdict.FAIL, 30, everything));
        }
        send(withFrugality);
        send(withoutFrugality);
        send(sixteenFailing);
        awaitApplied(withFrugality);
        awaitApplied(withoutFrugality);
        awaitApplied(sixteenFailing);

        String complete = coverage(frugal, null).body();
        String missing = coverage(noFrugality, null).body();
        assertThat(complete).contains("COVERAGE_COMPLETE").doesNotContain("NO_FRUGALITY_STORY");
        assertThat(missing).contains("\"MISSING_LP:FRUGALITY\"").contains("\"NO_FRUGALITY_STORY\"").doesNotContain("COVERAGE_COMPLETE")
                .contains("{\"code\":\"FRUGALITY\",\"stories\":[],\"bestStoryId\":null}");
        assertThat(readiness(missing)).as("a gap costs readiness").isLessThan(readiness(complete));

        String everythingClaimed = coverage(overclaimer, null).body();
        assertThat(readiness(everythingClaimed)).isZero();
        assertThat(everythingClaimed).contains("\"WEAK_STORIES:16\"").contains("\"STORY_COUNT_OFF_TARGET\"")
                .contains("\"ILLUSORY_COVERAGE:FRUGALITY\"").contains("\"OVERSTRETCHED:" + overclaimer + "-s15\"").doesNotContain("COVERAGE_COMPLETE");
        for (PrincipleCode code : everything) {
            assertThat(everythingClaimed).as("claimed by all sixteen, demonstrated by none").contains("\"ILLUSORY_COVERAGE:" + code.name() + "\"");
        }
    }

    private static int readiness(String coverage) {
        Matcher m = Pattern.compile("\"readiness\":(\\d+)").matcher(coverage);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void anUnknownClientIsNotFound() throws Exception {
        token = TestTokens.orgAdmin("org-" + UUID.randomUUID());
        assertThat(coverage("nobody-" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPoisonRecordOnEachTopicIsDeadLetteredAndTheProjectionContinues() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String client = "poisoned-" + UUID.randomUUID();
        byte[] poison = "not an event".getBytes(StandardCharsets.UTF_8);
        Sent scoreOutOfRange = score(org, client, client + "-bank", client + "-s1", 1, Verdict.PASS, 180, FRUGALITY);
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(Topics.STORY_EVENTS, client, poison)).get();
            producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, client, poison)).get();
            producer.send(new ProducerRecord<>(Topics.SCORING_EVENTS, client, CODEC.encode(scoreOutOfRange.event()))).get();
        }
        String id = client + "-s1";
        List<Sent> after = List.of(
                story(client, StoryDrafted.newBuilder().setMetadata(meta(org, client, id, 1)).setBankId(client + "-bank").setStoryId(id)
                        .setRevision(1).setTitle("After the poison").setText(words(id)).setPrinciples(List.of(FRUGALITY)).build()),
                score(org, client, client + "-bank", id, 1, Verdict.PASS, 75, FRUGALITY));
        send(after);

        awaitApplied(after);
        String body = coverage(client, null).body();
        assertThat(body).contains("\"bestStoryId\":\"" + id + "\"").contains("\"overall\":75").doesNotContain("\"overall\":180");

        for (String topic : List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(Topics.deadLetter(topic, GROUP),
                    read -> read.stream().filter(r -> client.equals(r.key())).count() >= (topic.equals(Topics.SCORING_EVENTS) ? 2 : 1),
                    Duration.ofSeconds(60));
            Map<String, String> reasons = new HashMap<>();
            dead.stream().filter(r -> client.equals(r.key()))
                    .forEach(r -> reasons.put(TestKafka.headers(r).get("dlq-reason"), TestKafka.headers(r).get("dlq-original-topic")));
            assertThat(reasons).containsValue(topic);
            if (topic.equals(Topics.SCORING_EVENTS)) {
                assertThat(reasons).containsKey("INVALID_SCORE");
            }
        }
    }

    @Test
    void anEventNamingAnotherOrganisationOnEachTopicIsDeadLetteredAndChangesNoView() throws Exception {
        String org = "org-" + UUID.randomUUID();
        token = TestTokens.orgAdmin(org);
        String client = "victim-" + UUID.randomUUID();
        List<Sent> bank = scenario(org, client);
        send(bank);
        awaitApplied(bank);
        String before = coverage(client, null).body().replaceAll("\"consumerLag\":\\d+", "");

        String intruderOrg = "org-intruder-" + UUID.randomUUID();
        String story = client + "-s4";
        // a revision into the victim's story stream, and a glowing scorecard of its own naming the victim's story
        Sent revision = story(client, StoryRevised.newBuilder().setMetadata(meta(intruderOrg, client, story, 3)).setBankId(client + "-bank")
                .setStoryId(story).setRevision(3).setTitle("Taken over").setText("intruder text").setPrinciples(List.of(FRUGALITY)).build());
        Sent scorecard = score(intruderOrg, client, client + "-bank", story, 2, Verdict.FAIL, 3, FRUGALITY);
        send(List.of(revision, scorecard));

        for (Sent intruder : List.of(revision, scorecard)) {
            List<ConsumerRecord<String, byte[]>> dead = TestKafka.readUntil(Topics.deadLetter(intruder.topic(), GROUP),
                    read -> read.stream().anyMatch(r -> client.equals(r.key()) && "ORG_MISMATCH".equals(TestKafka.headers(r).get("dlq-reason"))),
                    Duration.ofSeconds(60));
            assertThat(dead.stream().filter(r -> client.equals(r.key())).map(r -> TestKafka.headers(r).get("dlq-message")))
                    .as("the reason names the stream or story, never the owner").allSatisfy(m -> assertThat(m).doesNotContain(org));
        }
        assertThat(coverage(client, null).body().replaceAll("\"consumerLag\":\\d+", "")).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from coverage.coverage_score where story_id = ? and org_id = ?", Long.class, story,
                intruderOrg)).isZero();
    }
}
