package com.storyloop.coverage.clients.query.listingclients;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.clients.application.Roster;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.paging.Paging;

/** The part of the organisation's client list the caller may see (see {@link Roster}), filtered in SQL rather than refused. */
@Component
class ClientListQuery {

    record ClientRow(String clientId, String bankId, String coachId, String targetRole, String targetLevel, LocalDate interviewDate) {
    }

    private final JdbcTemplate jdbc;

    ClientListQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the list; {@code hasNext} when another follows. */
    record ClientPage(List<ClientRow> clients, Paging paging, boolean hasNext) {
    }

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    /** Who may see the list is decided first: an outsider learns nothing, not even that their page size was wrong. */
    ClientPage list(Caller caller, String orgId, String page, String size) {
        Roster roster = Roster.of(caller, orgId);
        Paging paging = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        List<ClientRow> fetched = jdbc.query("""
                select client_id, bank_id, coach_id, target_role, target_level, interview_date from client_directory
                 where org_id = ? and %s order by interview_date nulls last, client_id limit ? offset ?
                """.formatted(Roster.COACH_FILTER), (rs, i) -> new ClientRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class)), orgId, roster.coachId(), roster.coachId(), paging.fetch(), paging.offset());
        return new ClientPage(paging.pageOf(fetched), paging, paging.hasNext(fetched));
    }
}
