package com.storyloop.coverage.clients;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.storyloop.coverage.support.CoverageEvents;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.events.PrincipleCode;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Triage never answers more than a page: ranked over every matching client first, then cut, so walking the pages gives the ranking. */
class TriagePagingIT extends CoverageServiceIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern CLIENT = Pattern.compile("\"clientId\":\"([^\"]+)\"");

    @Test
    void triageIsServedInRankedPagesWithALinkToTheNextKeepingTheWindow() throws Exception {
        // given four unready clients and one ready client whose interview is the soonest, and one client outside the window
        String org = "org-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> ranking = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ranking.add("rank-" + i + "-" + UUID.randomUUID());
        }
        String ready = ranking.get(4);
        String outside = "outside-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            CoverageEvents.send(ranking.get(i), CoverageEvents.bankOpened(org, ranking.get(i), "coach-1", today.plusDays(2 + i)));
        }
        CoverageEvents.send(ready, CoverageEvents.bankOpened(org, ready, "coach-1", today.plusDays(1)),
                CoverageEvents.drafted(org, ready, ready + "-s1", PrincipleCode.FRUGALITY, 1),
                CoverageEvents.passed(org, ready, ready + "-s1", PrincipleCode.FRUGALITY, 2));
        CoverageEvents.send(outside, CoverageEvents.bankOpened(org, outside, "coach-1", today.plusDays(40)));
        token = TestTokens.orgAdmin(org);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> csv = get("/api/orgs/" + org + "/triage?days=14&size=500", "text/csv").body().lines().toList();
            return csv.stream().filter(l -> l.startsWith("rank-")).count() == 5 && csv.stream().anyMatch(l -> l.startsWith(ready) && l.endsWith(",1,1"))
                    && get("/api/orgs/" + org + "/triage?days=60&size=500").body().contains(outside);
        });

        // when the first page of two is asked for, and the pages are walked by their Link
        HttpResponse<String> first = get("/api/orgs/" + org + "/triage?days=14&size=2");
        List<String> walked = new ArrayList<>();
        int linksFollowed = 0;
        for (HttpResponse<String> page = first; ; linksFollowed++) {
            assertThat(page.statusCode()).isEqualTo(200);
            walked.addAll(clients(page.body()));
            Matcher next = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
            if (!next.matches()) {
                break;
            }
            page = get(next.group(1));
        }

        // then the first page holds the two first of the ranking and links to the next with the same window
        assertThat(clients(first.body())).containsExactly(ranking.get(0), ranking.get(1));
        assertThat(first.body()).contains("\"days\":14");
        assertThat(first.headers().firstValue("Link")).hasValue("</api/orgs/" + org + "/triage?days=14&page=1&size=2>; rel=\"next\"");
        // and walking the pages gives the whole ranking once, largest gap first, the client outside the window nowhere
        assertThat(walked).containsExactlyElementsOf(ranking);
        assertThat(linksFollowed).isEqualTo(2);
        // and the last page, in CSV as in JSON, links nowhere
        HttpResponse<String> lastCsv = get("/api/orgs/" + org + "/triage?days=14&page=2&size=2", "text/csv");
        assertThat(lastCsv.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(',')))).containsExactly(ready);
        assertThat(lastCsv.headers().firstValue("Link")).as("the last page links nowhere").isEmpty();
        HttpResponse<String> firstCsv = get("/api/orgs/" + org + "/triage?days=14&size=2", "text/csv");
        assertThat(firstCsv.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(',')))).containsExactly(ranking.get(0), ranking.get(1));
        assertThat(firstCsv.headers().firstValue("Link")).hasValue("</api/orgs/" + org + "/triage?days=14&page=1&size=2>; rel=\"next\"");
        // and a wider window reaches the outside client, ranked among the unready by its later interview, the window carried in the link
        HttpResponse<String> wide = get("/api/orgs/" + org + "/triage?days=60&size=5");
        assertThat(clients(wide.body())).containsExactly(ranking.get(0), ranking.get(1), ranking.get(2), ranking.get(3), outside);
        assertThat(wide.headers().firstValue("Link")).hasValue("</api/orgs/" + org + "/triage?days=60&page=1&size=5>; rel=\"next\"");
        assertThat(clients(get("/api/orgs/" + org + "/triage?days=60&page=1&size=5").body())).containsExactly(ready);
    }

    @Test
    void outOfRangeParametersAreRefusedByNameButAnOutsiderLearnsNothing() throws Exception {
        // given an organisation and its admin
        String org = "org-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        CoverageEvents.send(client, CoverageEvents.bankOpened(org, client, "coach-1", LocalDate.now(ZoneOffset.UTC).plusDays(3)));
        token = TestTokens.orgAdmin(org);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/orgs/" + org + "/triage").body().contains(client));

        // when the admin asks for an oversized page, a negative page and a malformed window
        HttpResponse<String> tooBig = get("/api/orgs/" + org + "/triage?size=501");
        HttpResponse<String> negativePage = get("/api/orgs/" + org + "/triage?page=-1");
        HttpResponse<String> badDays = get("/api/orgs/" + org + "/triage?days=soon");
        HttpResponse<String> tooLong = get("/api/orgs/" + org + "/triage?days=367", "text/csv");

        // then each is a 400 problem naming its parameter
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("\"field\":\"size\"").contains("from 1 to 500");
        assertThat(negativePage.statusCode()).isEqualTo(400);
        assertThat(negativePage.body()).contains("\"field\":\"page\"");
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("\"field\":\"days\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"days\"").contains("from 0 to 366");

        // and an outsider gets 404 for each, as if the organisation did not exist
        token = TestTokens.orgAdmin("another-org-" + UUID.randomUUID());
        for (String query : List.of("?size=501", "?page=-1", "?days=soon", "?days=367&size=0")) {
            assertThat(get("/api/orgs/" + org + "/triage" + query).statusCode()).as("an outsider learns nothing from " + query).isEqualTo(404);
        }
    }

    private static List<String> clients(String json) {
        List<String> clients = new ArrayList<>();
        Matcher m = CLIENT.matcher(json);
        while (m.find()) {
            clients.add(m.group(1));
        }
        return clients;
    }
}
