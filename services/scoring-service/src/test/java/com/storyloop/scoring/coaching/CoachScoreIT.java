package com.storyloop.scoring.coaching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.CoachScored;
import com.storyloop.scoring.support.ScoringServiceIT;
import com.storyloop.scoring.support.Stories;
import com.storyloop.scoring.support.StoryStream;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Coaches score revisions by hand: CoachScored on scoring.events, and calibration against the engine's scorecards. */
class CoachScoreIT extends ScoringServiceIT {

    /** @param coachId null leaves the field out: the score is the caller's own either way */
    static Map<String, Object> coachScore(String coachId, Map<String, Object> dimensions, String verdict, List<String> flags) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (coachId != null) {
            body.put("coachId", coachId);
        }
        body.put("dimensions", dimensions);
        body.put("verdict", verdict);
        body.put("flags", flags);
        body.put("comment", "Reads well; where is the number?");
        return body;
    }

    /**
     * A revision scored by the engine, once its bank's coach may see it (the assignment arrives with the bank's events);
     * returns its scorecard's dimensions, flags and verdict. Leaves the test signed in as the organisation's admin.
     */
    JsonNode scoredRevision(StoryStream s) {
        token = TestTokens.orgAdmin(s.orgId);
        produce(s.opened(Level.L6), s.draftedStar(Stories.SITUATION, Stories.TASK, Stories.ACTION, Stories.RESULT, PrincipleCode.BIAS_FOR_ACTION));
        await().atMost(PATIENCE).until(() -> get("/api/stories/" + s.storyId + "/revisions/1/scorecards/1.0.0").status() == 200);
        awaitCoachSees(s, s.coachId);
        return get("/api/stories/" + s.storyId + "/revisions/1/scorecards/1.0.0").json().get("scorecard");
    }

    void awaitCoachSees(StoryStream s, String coachId) {
        String coach = TestTokens.coach(s.orgId, coachId);
        await().atMost(PATIENCE).until(() -> getAs(coach, "/api/stories/" + s.storyId + "/revisions/1/coach-scores").status() == 200);
    }

    @Test
    void aCoachScoreBecomesCoachScoredAndCalibrationComparesItWithTheEngine() {
        String org = "org-" + UUID.randomUUID();
        StoryStream s = new StoryStream(org, "coach-ada");
        JsonNode engine = scoredRevision(s);
        String ada = TestTokens.coach(org, "coach-ada");
        String bo = TestTokens.coach(org, "coach-bo");
        int engineFriction = engine.get("dimensions").get("FRICTION").get("score").asInt();
        int engineResult = engine.get("dimensions").get("RESULT").get("score").asInt();
        String engineVerdict = engine.get("verdict").asString(); // FAIL: the bypass caps it

        // coach A (assigned) agrees on FRICTION, is 2 away on RESULT (when possible), raises the bypass and a flag the engine did not
        int coachResult = engineResult >= 2 ? engineResult - 2 : engineResult + 2;
        Response recorded = postAs(ada, "/api/stories/" + s.storyId + "/revisions/1/coach-scores", coachScore("coach-ada",
                Map.of("FRICTION", engineFriction, "RESULT", coachResult), engineVerdict, List.of("SAFEGUARD_BYPASS", "VILLAIN")))
                .assertStatus(201);
        assertThat(recorded.json().get("rubricVersion").asString()).isEqualTo("1.0.0");
        assertThat(recorded.json().get("coachId").asString()).isEqualTo("coach-ada");
        assertThat(recorded.json().get("version").asLong()).isEqualTo(1);
        String eventId = recorded.json().get("eventId").asString();
        // coach A's second score replaces the first for calibration (naming no coach: the token says who scores)
        Response again = postAs(ada, "/api/stories/" + s.storyId + "/revisions/1/coach-scores", coachScore(null,
                Map.of("FRICTION", engineFriction, "RESULT", coachResult), engineVerdict, List.of("SAFEGUARD_BYPASS", "VILLAIN"))).assertStatus(201);
        assertThat(again.json().get("version").asLong()).isEqualTo(2);
        // the client moves to coach B, who disagrees on the verdict
        produce(s.coachAssigned("coach-bo"));
        awaitCoachSees(s, "coach-bo");
        postAs(bo, "/api/stories/" + s.storyId + "/revisions/1/coach-scores", coachScore(null, Map.of("FRICTION", engineFriction), "PASS",
                List.of())).assertStatus(201);

        List<Scored> events = readScoringEvents(read -> read.stream().anyMatch(e -> e.event() instanceof CoachScored
                && ((CoachScored) e.event()).getMetadata().getEventId().toString().equals(eventId)));
        Scored scored = events.stream().filter(e -> e.event() instanceof CoachScored
                && ((CoachScored) e.event()).getMetadata().getEventId().toString().equals(eventId)).findFirst().orElseThrow();
        CoachScored coach = (CoachScored) scored.event();
        assertThat(scored.key()).isEqualTo(s.clientId);
        assertThat(coach.getMetadata().getOrgId()).isEqualTo(org);
        assertThat(coach.getMetadata().getActor()).isEqualTo("test-coach-ada"); // the token's subject
        assertThat(coach.getStoryId()).isEqualTo(s.storyId);
        assertThat(coach.getBankId()).isEqualTo(s.bankId);
        assertThat(coach.getRevision()).isEqualTo(1);
        assertThat(coach.getCoachId()).isEqualTo("coach-ada");
        assertThat(coach.getDimensions()).extracting(d -> d.getDimension().name() + "=" + d.getScore())
                .containsExactly("FRICTION=" + engineFriction, "RESULT=" + coachResult);
        assertThat(coach.getFlags()).extracting(Enum::name).containsExactly("SAFEGUARD_BYPASS", "VILLAIN");
        assertThat(coach.getVerdict().name()).isEqualTo(engineVerdict);
        assertThat(coach.getComment()).isEqualTo("Reads well; where is the number?");

        JsonNode calibration = get("/api/calibration?orgId=" + org).assertStatus(200).json();
        JsonNode report = calibration.get("report");
        assertThat(report.get("comparisons").asInt()).isEqualTo(2);
        assertThat(report.get("coaches").asInt()).isEqualTo(2);
        JsonNode friction = dimension(report, "FRICTION");
        assertThat(friction.get("compared").asInt()).isEqualTo(2);
        assertThat(friction.get("meanAbsoluteDifference").asDouble()).isEqualTo(0.0);
        assertThat(friction.get("exactAgreement").asDouble()).isEqualTo(1.0);
        JsonNode result = dimension(report, "RESULT");
        assertThat(result.get("compared").asInt()).isEqualTo(1);
        assertThat(result.get("meanAbsoluteDifference").asDouble()).isEqualTo(2.0);
        assertThat(result.get("exactAgreement").asDouble()).isEqualTo(0.0);
        assertThat(result.get("withinOneAgreement").asDouble()).isEqualTo(0.0);
        assertThat(dimension(report, "ARC").get("compared").asInt()).isZero();
        JsonNode bypass = flag(report, "SAFEGUARD_BYPASS");
        assertThat(bypass.get("bothRaised").asInt()).isEqualTo(1);
        assertThat(bypass.get("onlyEngine").asInt()).isEqualTo(1);
        assertThat(flag(report, "VILLAIN").get("onlyCoach").asInt()).isEqualTo(1);
        assertThat(report.get("verdict").get("compared").asInt()).isEqualTo(2);
        assertThat(report.get("verdict").get("agreed").asInt()).isEqualTo(1);
        assertThat(report.get("verdict").get("agreement").asDouble()).isEqualTo(0.5);
        assertThat(report.get("verdict").get("confusion").get("PASS").get(engineVerdict).asInt()).isEqualTo(1);

        JsonNode onlyAda = get("/api/calibration?orgId=" + org + "&coachId=coach-ada").json().get("report");
        assertThat(onlyAda.get("comparisons").asInt()).isEqualTo(1);
        assertThat(onlyAda.get("verdict").get("agreement").asDouble()).isEqualTo(1.0);
        // a coach's calibration is their own: naming nobody means themselves, naming another coach is a stranger's
        JsonNode adaHerself = getAs(ada, "/api/calibration?orgId=" + org).assertStatus(200).json();
        assertThat(adaHerself.get("coachId").asString()).isEqualTo("coach-ada");
        assertThat(adaHerself.get("report")).isEqualTo(onlyAda);
        getAs(bo, "/api/calibration?orgId=" + org + "&coachId=coach-ada").assertStatus(404);
        getAs(TestTokens.client(org, s.clientId), "/api/calibration?orgId=" + org).assertStatus(403);
        assertThat(get("/api/stories/" + s.storyId + "/revisions/1/coach-scores").json().values()).hasSize(3);
        assertThat(getAs(TestTokens.client(org, s.clientId), "/api/stories/" + s.storyId + "/revisions/1/coach-scores").assertStatus(200)
                .json().values()).extracting(v -> v.get("coachId").asString()).containsExactlyInAnyOrder("coach-ada", "coach-ada", "coach-bo");
        String nobody = "org-" + UUID.randomUUID();
        assertThat(getAs(TestTokens.orgAdmin(nobody), "/api/calibration?orgId=" + nobody).json().get("report").get("comparisons").asInt()).isZero();
        get("/api/calibration?orgId=" + nobody).assertStatus(404); // another organisation's calibration is not this admin's
    }

    @Test
    void badCoachScoresAreProblemDetailsNamingEachField() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID(), "coach-ada");
        scoredRevision(s);
        token = TestTokens.coach(s.orgId, "coach-ada");
        String path = "/api/stories/" + s.storyId + "/revisions/1/coach-scores";
        Map<String, Object> dims = new LinkedHashMap<>();
        dims.put("FRICTION", 7);
        dims.put("RESULT", 2.5);
        dims.put("CHARM", 3);
        Response response = post(path, coachScore("coach-ada", dims, "MAYBE", List.of("VILLAIN", "NOPE"))).assertProblem(400, "dimensions.FRICTION");
        assertThat(response.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactly("dimensions.FRICTION", "dimensions.RESULT", "dimensions.CHARM", "verdict", "flags[1]");
        // a score in another coach's name is refused: the coach id comes from the token
        post(path, coachScore("coach-bo", Map.of("ARC", 3), "PASS", List.of())).assertStatus(403);
        Map<String, Object> otherVersion = coachScore("coach-ada", Map.of("ARC", 3), "PASS", List.of());
        otherVersion.put("rubricVersion", "9.9.9");
        post(path, otherVersion).assertProblem(422, "rubricVersion");
        post("/api/stories/" + s.storyId + "/revisions/7/coach-scores", coachScore("coach-ada", Map.of("ARC", 3), "PASS", List.of()))
                .assertStatus(404);
        get("/api/calibration").assertProblem(400, "orgId");
        assertThat(get(path).json().values()).isEmpty();
    }

    @Test
    void aRetriedCoachScoreWithTheSameIdempotencyKeyIsRecordedOnce() {
        StoryStream s = new StoryStream("org-" + UUID.randomUUID(), "coach-ada");
        scoredRevision(s);
        token = TestTokens.coach(s.orgId, "coach-ada");
        String path = "/api/stories/" + s.storyId + "/revisions/1/coach-scores";
        byte[] body = JSON.writeValueAsBytes(coachScore("coach-ada", Map.of("ARC", 3), "BORDERLINE", List.of()));
        Map<String, String> key = Map.of("Idempotency-Key", "coach-ada-" + UUID.randomUUID());

        Response first = send("POST", path, "application/json", body, key).assertStatus(201);
        Response retry = send("POST", path, "application/json", body, key).assertStatus(201);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("eventId").asString()).isEqualTo(first.json().get("eventId").asString());
        assertThat(get(path).json().values()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from events where stream_id = ?", Long.class,
                "coach-score/" + s.storyId + "/1/coach-ada")).isEqualTo(1);
    }

    static JsonNode dimension(JsonNode report, String name) {
        return report.get("dimensions").values().stream().filter(d -> d.get("dimension").asString().equals(name)).findFirst().orElseThrow();
    }

    static JsonNode flag(JsonNode report, String name) {
        return report.get("flags").values().stream().filter(d -> d.get("flag").asString().equals(name)).findFirst().orElseThrow();
    }

}
