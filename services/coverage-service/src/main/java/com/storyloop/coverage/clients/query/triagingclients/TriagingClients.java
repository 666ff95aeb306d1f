package com.storyloop.coverage.clients.query.triagingclients;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import com.storyloop.coverage.clients.adapter.in.kafka.ClientDirectoryProjection;
import com.storyloop.coverage.clients.query.triagingclients.TriageQuery.TriageRow;
import com.storyloop.coverage.principles.adapter.in.kafka.PrincipleCoverageProjection;
import com.storyloop.coverage.views.ViewAnswers;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.security.caller.Caller;

/**
 * GET /api/orgs/{orgId}/triage?days=14: the organisation's clients whose interview is today or within the next N days,
 * largest readiness gap (100 - readiness) first, then soonest interview; JSON or {@code Accept: text/csv}. A coach sees
 * only their assigned clients in it. consumerLag (and X-Consumer-Lag) says how far behind the event log it is.
 *
 * <p>A page ({@code ?page=0&size=100}, at most 500) in either format, {@code Link rel="next"} naming the next page (same
 * window) when there is one. CSV is paged too rather than a full export capped at 500: a cap would cut a large
 * organisation's export short without saying so, while the Link header lets an export tool walk every page.
 */
@RestController
class TriagingClients {

    record TriageView(String orgId, int days, LocalDate today, List<TriageRow> clients, long consumerLag) {
    }

    /** Interview dates and coaches (client directory), readiness (coverage). */
    private static final List<String> GROUPS = List.of(ClientDirectoryProjection.GROUP, PrincipleCoverageProjection.GROUP);

    private final TriageQuery query;
    private final EventingLifecycle eventing;

    TriagingClients(TriageQuery query, EventingLifecycle eventing) {
        this.query = query;
        this.eventing = eventing;
    }

    // days is bound as text so that a malformed value is refused after the access check, never before it
    @GetMapping("/api/orgs/{orgId}/triage")
    ResponseEntity<?> triage(@PathVariable String orgId, @RequestParam(required = false) String days, @RequestParam(required = false) String page,
                             @RequestParam(required = false) String size, @RequestHeader(value = "Accept", required = false) String accept,
                             Caller caller) {
        TriageQuery.Triage triage = query.triage(caller, orgId, days, page, size);
        long lag = eventing.lag(GROUPS);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(ViewAnswers.LAG_HEADER, Long.toString(lag));
        if (triage.hasNext()) {
            response.header(HttpHeaders.LINK, "</api/orgs/" + UriUtils.encodePathSegment(orgId, StandardCharsets.UTF_8) + "/triage?days="
                    + triage.days() + "&page=" + (triage.paging().page() + 1) + "&size=" + triage.paging().size() + ">; rel=\"next\"");
        }
        List<TriageRow> ranked = triage.ranked();
        if (ViewAnswers.wantsCsv(accept)) {
            StringBuilder csv = new StringBuilder("clientId,coachId,interviewDate,daysLeft,readiness,readinessGap,storiesAtPass,activeStories\n");
            for (TriageRow r : ranked) {
                csv.append(ViewAnswers.field(r.clientId())).append(',').append(ViewAnswers.field(r.coachId())).append(',').append(r.interviewDate())
                        .append(',').append(r.daysLeft()).append(',').append(r.readiness()).append(',').append(r.readinessGap()).append(',')
                        .append(r.storiesAtPass()).append(',').append(r.activeStories()).append('\n');
            }
            return response.contentType(ViewAnswers.CSV).body(csv.toString());
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(new TriageView(orgId, triage.days(), triage.today(), ranked, lag));
    }
}
