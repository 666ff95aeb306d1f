package com.storyloop.coverage.clients;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.storyloop.coverage.support.CoverageEvents;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A roster never answers more than a page: big organisations are walked page by page, following Link rel="next". */
class ClientListPagingIT extends CoverageServiceIT {

    @Test
    void theClientListIsServedInPagesWithALinkToTheNextAndRefusesAnOversizedPage() throws Exception {
        String org = "org-" + UUID.randomUUID();
        LocalDate base = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 5; i++) {
            String client = "client-" + i + "-" + UUID.randomUUID();
            CoverageEvents.send(client, CoverageEvents.bankOpened(org, client, "coach-1", base.plusDays(10 + i)));
        }
        token = TestTokens.orgAdmin(org);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/orgs/" + org + "/clients").body().split("\"clientId\"").length - 1 == 5);

        HttpResponse<String> first = get("/api/orgs/" + org + "/clients?size=2");
        HttpResponse<String> last = get("/api/orgs/" + org + "/clients?page=2&size=2");

        assertThat(first.body().split("\"clientId\"")).hasSize(3);
        assertThat(first.body()).contains("client-0-").contains("client-1-").doesNotContain("client-2-");
        assertThat(first.headers().firstValue("Link")).hasValue("</api/orgs/" + org + "/clients?page=1&size=2>; rel=\"next\"");
        assertThat(last.body()).contains("client-4-").doesNotContain("client-3-");
        assertThat(last.headers().firstValue("Link")).as("the last page links nowhere").isEmpty();

        HttpResponse<String> tooBig = get("/api/orgs/" + org + "/clients?size=501");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("\"field\":\"size\"").contains("from 1 to 500");

        token = TestTokens.orgAdmin("another-org-" + UUID.randomUUID());
        assertThat(get("/api/orgs/" + org + "/clients?size=501").statusCode()).as("an outsider learns nothing, not even about sizes")
                .isEqualTo(404);
    }
}
