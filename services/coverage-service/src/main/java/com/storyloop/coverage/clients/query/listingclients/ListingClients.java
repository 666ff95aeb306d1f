package com.storyloop.coverage.clients.query.listingclients;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/orgs/{orgId}/clients: the organisation's clients, soonest interview first. */
@RestController
class ListingClients {

    record ClientRow(String clientId, String bankId, String coachId, String targetRole, String targetLevel, LocalDate interviewDate) {
    }

    private final JdbcTemplate jdbc;

    ListingClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/orgs/{orgId}/clients")
    List<ClientRow> list(@PathVariable String orgId) {
        return jdbc.query("""
                select client_id, bank_id, coach_id, target_role, target_level, interview_date from client_directory
                 where org_id = ? order by interview_date nulls last, client_id
                """, (rs, i) -> new ClientRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class)), orgId);
    }
}
