package com.storyloop.coverage;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.storyloop.coverage.support.CoverageEvents;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.practice.AnswerRating;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The less obvious access rules of coverage-service (issue 7): roster filtering, client ids reused across organisations, 404s that say nothing. */
class TenancyIT extends CoverageServiceIT {

    private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(5);

    @Test
    void aCoachSeesOnlyTheirAssignedClientsInTheClientListAndTriage() throws Exception {
        // given two coaches of one organisation, the first with two clients, the second with one
        String org = "org-" + UUID.randomUUID();
        String coachA = "coach-a-" + UUID.randomUUID();
        String coachB = "coach-b-" + UUID.randomUUID();
        String a1 = "a1-" + UUID.randomUUID();
        String a2 = "a2-" + UUID.randomUUID();
        String b1 = "b1-" + UUID.randomUUID();
        CoverageEvents.send(a1, CoverageEvents.bankOpened(org, a1, coachA, SOON));
        CoverageEvents.send(a2, CoverageEvents.bankOpened(org, a2, coachA, SOON));
        CoverageEvents.send(b1, CoverageEvents.bankOpened(org, b1, coachB, SOON));
        token = TestTokens.orgAdmin(org);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String all = get("/api/orgs/" + org + "/clients").body();
            return all.contains(a1) && all.contains(a2) && all.contains(b1);
        });

        // when the first coach lists the organisation's clients and its triage
        token = TestTokens.coach(org, coachA);
        HttpResponse<String> list = get("/api/orgs/" + org + "/clients");
        HttpResponse<String> triage = get("/api/orgs/" + org + "/triage?days=14", "text/csv");

        // then they see their own two clients and not the other coach's
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(a1).contains(a2).doesNotContain(b1);
        assertThat(triage.statusCode()).isEqualTo(200);
        assertThat(triage.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(',')))).containsExactlyInAnyOrder(a1, a2);
        // and the other coach's client is as unknown to them as a client that does not exist
        assertThat(get("/api/clients/" + a1 + "/coverage").statusCode()).isEqualTo(200);
        assertThatLooksMissing(get("/api/clients/" + b1 + "/coverage"), b1, "/api/clients/%s/coverage");
        assertThatLooksMissing(get("/api/clients/" + b1 + "/timeline"), b1, "/api/clients/%s/timeline");

        // and the org admin still sees all three
        token = TestTokens.orgAdmin(org);
        assertThat(get("/api/orgs/" + org + "/triage?days=14").body()).contains(a1).contains(a2).contains(b1);
    }

    @Test
    void aClientIdReusedInAnotherOrganisationNeverMixesIntoTheViews() throws Exception {
        // given the same client id in two organisations, each with its own story, score and rating
        String orgA = "org-a-" + UUID.randomUUID();
        String orgB = "org-b-" + UUID.randomUUID();
        String client = "shared-" + UUID.randomUUID();
        String storyA = "story-a-" + UUID.randomUUID();
        String storyB = "story-b-" + UUID.randomUUID();
        CoverageEvents.send(client, CoverageEvents.bankOpened(orgA, client, "coach-a", SOON),
                CoverageEvents.drafted(orgA, client, storyA, PrincipleCode.FRUGALITY, 1),
                CoverageEvents.passed(orgA, client, storyA, PrincipleCode.FRUGALITY, 2));
        CoverageEvents.send(client, CoverageEvents.bankOpened(orgB, client, "coach-b", SOON.plusDays(1)),
                CoverageEvents.drafted(orgB, client, storyB, PrincipleCode.OWNERSHIP, 3),
                CoverageEvents.rated(orgB, client, "loop-b", AnswerRating.STRONGLY_INCLINED, 4));
        String clientOfA = TestTokens.client(orgA, client);
        String clientOfB = TestTokens.client(orgB, client);
        await().atMost(Duration.ofSeconds(60)).until(() -> getAs(clientOfA, "/api/clients/" + client + "/coverage").body().contains("\"verdict\":\"PASS\"")
                && getAs(clientOfB, "/api/clients/" + client + "/timeline").body().contains("STRONGLY_INCLINED")
                && getAs(TestTokens.orgAdmin(orgB), "/api/stories/" + storyB + "/timeline").statusCode() == 200);

        // when each organisation's client reads their coverage and timeline
        token = clientOfA;
        String coverageA = get("/api/clients/" + client + "/coverage").body();
        String timelineA = get("/api/clients/" + client + "/timeline", "text/csv").body();
        token = clientOfB;
        String coverageB = get("/api/clients/" + client + "/coverage").body();
        String timelineB = get("/api/clients/" + client + "/timeline", "text/csv").body();

        // then each sees only their own organisation's stories, facts and ratings
        assertThat(coverageA).contains(storyA).doesNotContain(storyB).contains("\"activeStories\":1");
        assertThat(coverageB).contains(storyB).doesNotContain(storyA).contains("\"activeStories\":1");
        assertThat(timelineA.lines().toList()).containsExactly(
                "at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,meanRatingScore,abandoned,interviewDate",
                "2026-10-01T09:01:00Z,READINESS,0,,0,1,,,,,,,," + SOON,
                "2026-10-01T09:02:00Z,READINESS,19,80.0,1,1,,,,,,,," + SOON);
        assertThat(timelineB.lines().toList()).containsExactly(
                "at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,meanRatingScore,abandoned,interviewDate",
                "2026-10-01T09:03:00Z,READINESS,0,,0,1,,,,,,,," + SOON.plusDays(1),
                "2026-10-01T09:04:00Z,RATING,,,,,STRONGLY_INCLINED,4,loop-b,,,,," + SOON.plusDays(1));
        // and the other organisation's story is missing for them, its admin included
        token = clientOfA;
        assertThatLooksMissing(get("/api/stories/" + storyB + "/timeline"), storyB, "/api/stories/%s/timeline");
        token = TestTokens.orgAdmin(orgA);
        assertThatLooksMissing(get("/api/stories/" + storyB + "/timeline"), storyB, "/api/stories/%s/timeline");
        assertThat(get("/api/orgs/" + orgA + "/clients").body()).contains("coach-a").doesNotContain("coach-b");
    }

    @Test
    void anotherClientsAndAnotherOrganisationsResourcesAnswerExactlyLikeMissingOnes() throws Exception {
        // given a client with a scored story
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String story = client + "-s1";
        CoverageEvents.send(client, CoverageEvents.bankOpened(org, client, "coach-" + client, SOON),
                CoverageEvents.drafted(org, client, story, PrincipleCode.DIVE_DEEP, 1), CoverageEvents.passed(org, client, story, PrincipleCode.DIVE_DEEP, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> getAs(TestTokens.client(org, client), "/api/stories/" + story + "/timeline").statusCode() == 200);

        // when another client of the organisation, and an admin of another, ask for it; then each gets the 404 of a missing one
        for (String stranger : new String[] {TestTokens.client(org, "other-" + UUID.randomUUID()), TestTokens.orgAdmin("org-" + UUID.randomUUID())}) {
            token = stranger;
            assertThatLooksMissing(get("/api/clients/" + client + "/coverage"), client, "/api/clients/%s/coverage");
            assertThatLooksMissing(get("/api/clients/" + client + "/timeline"), client, "/api/clients/%s/timeline");
            assertThatLooksMissing(get("/api/stories/" + story + "/timeline"), story, "/api/stories/%s/timeline");
        }
        // and an admin of another organisation learns nothing about this one's roster or analytics either
        HttpResponse<String> roster = get("/api/orgs/" + org + "/clients");
        HttpResponse<String> missingRoster = get("/api/orgs/org-missing/clients");
        assertThat(roster.statusCode()).isEqualTo(404);
        assertThat(roster.body().replace(org, "ID")).isEqualTo(missingRoster.body().replace("org-missing", "ID"));
        assertThat(get("/api/orgs/" + org + "/analytics/heatmap").statusCode()).isEqualTo(404);
        // while the organisation's own client may not see its analytics or roster at all
        token = TestTokens.client(org, client);
        assertThat(get("/api/orgs/" + org + "/analytics").statusCode()).isEqualTo(403);
        assertThat(get("/api/orgs/" + org + "/triage").statusCode()).isEqualTo(403);
    }

    /** A 404 whose body, with the id swapped out, is exactly that of an id nobody has. */
    private void assertThatLooksMissing(HttpResponse<String> response, String id, String pathPattern) throws Exception {
        String nobody = "nobody-" + UUID.randomUUID();
        HttpResponse<String> missing = get(pathPattern.formatted(nobody));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(response.body().replace(id, "ID")).isEqualTo(missing.body().replace(nobody, "ID"));
    }
}
