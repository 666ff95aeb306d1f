package com.storyloop.coverage.clients.query.triagingclients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.clients.application.Roster;
import com.storyloop.coverage.principles.adapter.out.postgres.BankRows;
import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.coverage.principles.domain.PrincipleCoverage;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * The triage list as the caller may see it: an org admin the whole organisation, a coach their assigned clients only
 * (filtered, not refused); each bank read within the organisation.
 */
@Component
class TriageQuery {

    static final int MAX_DAYS = 366;

    record TriageRow(String clientId, String coachId, LocalDate interviewDate, long daysLeft, int readiness, int readinessGap, int storiesAtPass,
                     int activeStories) {
    }

    record Triage(LocalDate today, List<TriageRow> ranked) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    TriageQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Triage triage(Caller caller, String orgId, int days) {
        // who may ask comes before what they asked, so an outsider learns nothing from a validation problem
        Roster roster = Roster.of(caller, orgId);
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidInput(new FieldProblem("days", "must be between 0 and " + MAX_DAYS));
        }
        LocalDate today = LocalDate.now(clock);
        List<TriageRow> rows = new ArrayList<>();
        jdbc.query("""
                select client_id, coach_id, interview_date from client_directory
                 where org_id = ? and interview_date between ? and ? and %s
                """.formatted(Roster.COACH_FILTER), rs -> {
            String client = rs.getString(1);
            LocalDate interview = rs.getObject(3, LocalDate.class);
            List<BankStory> bank = BankRows.bank(jdbc, orgId, client);
            int readiness = PrincipleCoverage.assess(bank).readiness();
            int active = (int) bank.stream().filter(BankStory::active).count();
            int passing = (int) bank.stream().filter(s -> s.active() && s.scorecard() != null && s.scorecard().passes()).count();
            rows.add(new TriageRow(client, rs.getString(2), interview, ChronoUnit.DAYS.between(today, interview), readiness, 100 - readiness,
                    passing, active));
        }, orgId, today, today.plusDays(days), roster.coachId(), roster.coachId());
        List<TriageRow> ranked = rows.stream().sorted(Comparator.comparingInt(TriageRow::readinessGap).reversed().thenComparing(TriageRow::interviewDate)
                .thenComparing(TriageRow::clientId)).toList();
        return new Triage(today, ranked);
    }
}
