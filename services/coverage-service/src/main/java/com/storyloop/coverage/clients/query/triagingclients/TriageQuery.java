package com.storyloop.coverage.clients.query.triagingclients;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.clients.application.Roster;
import com.storyloop.coverage.principles.adapter.out.postgres.BankRows;
import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.coverage.principles.domain.PrincipleCoverage;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.paging.Paging;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * The triage list as the caller may see it: an org admin the whole organisation, a coach their assigned clients only
 * (filtered, not refused); each bank read within the organisation.
 *
 * <p>Readiness is the domain's rule ({@link PrincipleCoverage}) over a client's whole bank, not a column, so the ranking
 * cannot be an SQL {@code order by}: the matching clients and all their banks are read in two statements, whatever their
 * number, ranked whole, and only then cut into the page, so pages never overlap nor skip a client.
 */
@Component
class TriageQuery {

    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    /** Largest readiness gap first, then soonest interview; the client id makes the order total, so pages are stable. */
    static final Comparator<TriageRow> RANKING = Comparator.comparingInt(TriageRow::readinessGap).reversed()
            .thenComparing(TriageRow::interviewDate).thenComparing(TriageRow::clientId);

    record TriageRow(String clientId, String coachId, LocalDate interviewDate, long daysLeft, int readiness, int readinessGap, int storiesAtPass,
                     int activeStories) {
    }

    /** One page of the ranking for the window of {@code days}; {@code hasNext} when another page follows. */
    record Triage(LocalDate today, int days, List<TriageRow> ranked, Paging paging, boolean hasNext) {
    }

    private record Listed(String clientId, String coachId, LocalDate interviewDate) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    TriageQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Triage triage(Caller caller, String orgId, String days, String page, String size) {
        // who may ask comes before what they asked, so an outsider learns nothing from a validation problem
        Roster roster = Roster.of(caller, orgId);
        Paging paging = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        int window = days(days);
        LocalDate today = LocalDate.now(clock);
        List<Listed> listed = jdbc.query("""
                select client_id, coach_id, interview_date from client_directory
                 where org_id = ? and interview_date between ? and ? and %s
                """.formatted(Roster.COACH_FILTER), (rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                orgId, today, today.plusDays(window), roster.coachId(), roster.coachId());
        Map<String, List<BankStory>> banks = BankRows.banks(jdbc, orgId, listed.stream().map(Listed::clientId).toList());
        List<TriageRow> rows = new ArrayList<>(listed.size());
        for (Listed client : listed) {
            List<BankStory> bank = banks.getOrDefault(client.clientId(), List.of());
            int readiness = PrincipleCoverage.assess(bank).readiness();
            int active = (int) bank.stream().filter(BankStory::active).count();
            int passing = (int) bank.stream().filter(s -> s.active() && s.scorecard() != null && s.scorecard().passes()).count();
            rows.add(new TriageRow(client.clientId(), client.coachId(), client.interviewDate(), ChronoUnit.DAYS.between(today, client.interviewDate()),
                    readiness, 100 - readiness, passing, active));
        }
        rows.sort(RANKING);
        long from = Math.min(paging.offset(), rows.size());
        List<TriageRow> fetched = rows.subList((int) from, (int) Math.min(from + paging.fetch(), rows.size()));
        return new Triage(today, window, List.copyOf(paging.pageOf(fetched)), paging, paging.hasNext(fetched));
    }

    /** The window in days; parsed here, after the access check, rather than bound by Spring before it. */
    private static int days(String days) {
        if (days == null || days.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int n = Integer.parseInt(days.trim());
            if (n >= 0 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput(new FieldProblem("days", "must be a whole number from 0 to " + MAX_DAYS));
    }
}
