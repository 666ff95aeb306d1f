package com.storyloop.coverage.clients.query.listingclients;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.clients.application.Roster;
import com.storyloop.security.caller.Caller;

/** The part of the organisation's client list the caller may see (see {@link Roster}), filtered in SQL rather than refused. */
@Component
class ClientListQuery {

    record ClientRow(String clientId, String bankId, String coachId, String targetRole, String targetLevel, LocalDate interviewDate) {
    }

    private final JdbcTemplate jdbc;

    ClientListQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ClientRow> list(Caller caller, String orgId) {
        Roster roster = Roster.of(caller, orgId);
        return jdbc.query("""
                select client_id, bank_id, coach_id, target_role, target_level, interview_date from client_directory
                 where org_id = ? and %s order by interview_date nulls last, client_id
                """.formatted(Roster.COACH_FILTER), (rs, i) -> new ClientRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class)), orgId, roster.coachId(), roster.coachId());
    }
}
