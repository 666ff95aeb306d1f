package com.storyloop.coverage.clients.query.triagingclients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

import com.storyloop.coverage.principles.adapter.out.postgres.BankRows;
import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.coverage.principles.domain.PrincipleCoverage;
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
        List<TriageRow> rows = new ArrayList<>();
        jdbc.query("""
                select client_id, coach_id, interview_date from client_directory where org_id = ? and interview_date between ? and ?
                """, rs -> {
            String client = rs.getString(1);
            LocalDate interview = rs.getObject(3, LocalDate.class);
            List<BankStory> bank = BankRows.bank(jdbc, client);
            int readiness = PrincipleCoverage.assess(bank).readiness();
            int active = (int) bank.stream().filter(BankStory::active).count();
            int passing = (int) bank.stream().filter(s -> s.active() && s.scorecard() != null && s.scorecard().passes()).count();
            rows.add(new TriageRow(client, rs.getString(2), interview, ChronoUnit.DAYS.between(today, interview), readiness, 100 - readiness,
                    passing, active));
        }, orgId, today, today.plusDays(days));
        List<TriageRow> ranked = rows.stream().sorted(Comparator.comparingInt(TriageRow::readinessGap).reversed().thenComparing(TriageRow::interviewDate)
                .thenComparing(TriageRow::clientId)).toList();
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("clientId,coachId,interviewDate,daysLeft,readiness,readinessGap,storiesAtPass,activeStories\n");
            for (TriageRow r : ranked) {
                csv.append(quote(r.clientId())).append(',').append(r.coachId() == null ? "" : quote(r.coachId())).append(',').append(r.interviewDate())
                        .append(',').append(r.daysLeft()).append(',').append(r.readiness()).append(',').append(r.readinessGap()).append(',')
                        .append(r.storiesAtPass()).append(',').append(r.activeStories()).append('\n');
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new TriageView(orgId, days, today, ranked));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
