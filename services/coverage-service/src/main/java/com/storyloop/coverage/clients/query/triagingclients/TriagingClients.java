package com.storyloop.coverage.clients.query.triagingclients;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.clients.query.triagingclients.TriageQuery.TriageRow;
import com.storyloop.security.caller.Caller;

/**
 * GET /api/orgs/{orgId}/triage?days=14: the organisation's clients whose interview is today or within the next N days,
 * largest readiness gap (100 - readiness) first, then soonest interview; JSON or {@code Accept: text/csv}. A coach sees
 * only their assigned clients in it.
 */
@RestController
class TriagingClients {

    record TriageView(String orgId, int days, LocalDate today, List<TriageRow> clients) {
    }

    private final TriageQuery query;

    TriagingClients(TriageQuery query) {
        this.query = query;
    }

    @GetMapping("/api/orgs/{orgId}/triage")
    ResponseEntity<?> triage(@PathVariable String orgId, @RequestParam(defaultValue = "14") int days,
                             @RequestHeader(value = "Accept", required = false) String accept, Caller caller) {
        TriageQuery.Triage triage = query.triage(caller, orgId, days);
        List<TriageRow> ranked = triage.ranked();
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("clientId,coachId,interviewDate,daysLeft,readiness,readinessGap,storiesAtPass,activeStories\n");
            for (TriageRow r : ranked) {
                csv.append(quote(r.clientId())).append(',').append(r.coachId() == null ? "" : quote(r.coachId())).append(',').append(r.interviewDate())
                        .append(',').append(r.daysLeft()).append(',').append(r.readiness()).append(',').append(r.readinessGap()).append(',')
                        .append(r.storiesAtPass()).append(',').append(r.activeStories()).append('\n');
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new TriageView(orgId, days, triage.today(), ranked));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
