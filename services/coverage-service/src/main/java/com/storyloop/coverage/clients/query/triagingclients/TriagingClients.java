package com.storyloop.coverage.clients.query.triagingclients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * GET /api/orgs/{orgId}/triage?days=14: the organisation's clients whose interview is today or within the next N days,
 * largest readiness gap (100 - readiness) first, then soonest interview; JSON or {@code Accept: text/csv}.
 */
@RestController
class TriagingClients {

    static final int MAX_DAYS = 366;

    record TriageRow(String clientId, String coachId, LocalDate interviewDate, long daysLeft, int readiness, int readinessGap, int storiesAtPass,
                     int activeStories) {
    }

    record TriageView(String orgId, int days, LocalDate today, List<TriageRow> clients) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    TriagingClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/orgs/{orgId}/triage")
    ResponseEntity<?> triage(@PathVariable String orgId, @RequestParam(defaultValue = "14") int days,
                             @RequestHeader(value = "Accept", required = false) String accept) {
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidInput(new FieldProblem("days", "must be between 0 and " + MAX_DAYS));
        }
        LocalDate today = LocalDate.now(clock);
        List<TriageRow> rows = jdbc.query("""
                select d.client_id, d.coach_id, d.interview_date, coalesce(h.readiness, 0), coalesce(h.stories_at_pass, 0), coalesce(h.active_stories, 0)
                  from client_directory d
                  left join (select distinct on (client_id) client_id, readiness, stories_at_pass, active_stories
                               from client_readiness_history where org_id = ? order by client_id, seq desc) h on h.client_id = d.client_id
                 where d.org_id = ? and d.interview_date between ? and ?
                """, (rs, i) -> {
            LocalDate interview = rs.getObject(3, LocalDate.class);
            int readiness = rs.getInt(4);
            return new TriageRow(rs.getString(1), rs.getString(2), interview, ChronoUnit.DAYS.between(today, interview), readiness, 100 - readiness,
                    rs.getInt(5), rs.getInt(6));
        }, orgId, orgId, today, today.plusDays(days));
        rows = rows.stream().sorted(Comparator.comparingInt(TriageRow::readinessGap).reversed().thenComparing(TriageRow::interviewDate)
                .thenComparing(TriageRow::clientId)).toList();
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("clientId,coachId,interviewDate,daysLeft,readiness,readinessGap,storiesAtPass,activeStories\n");
            for (TriageRow r : rows) {
                csv.append(quote(r.clientId())).append(',').append(r.coachId() == null ? "" : quote(r.coachId())).append(',').append(r.interviewDate())
                        .append(',').append(r.daysLeft()).append(',').append(r.readiness()).append(',').append(r.readinessGap()).append(',')
                        .append(r.storiesAtPass()).append(',').append(r.activeStories()).append('\n');
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new TriageView(orgId, days, today, rows));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
