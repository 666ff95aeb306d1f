package com.storyloop.coverage.clients.adapter.out.postgres;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.web.access.ClientAssignment;
import com.storyloop.web.access.ClientAssignments;

/**
 * Coach assignments from coverage's own client directory (folded from the bank events), so coverage needs no second copy
 * in a client_assignment table; always looked up within one organisation, so a client id reused elsewhere never counts.
 */
@Component
class DirectoryClientAssignments implements ClientAssignments {

    private final JdbcTemplate jdbc;

    DirectoryClientAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClientAssignment> find(String orgId, String clientId) {
        return jdbc.query("select org_id, client_id, coach_id from client_directory where org_id = ? and client_id = ?",
                (rs, i) -> new ClientAssignment(rs.getString(1), rs.getString(2), rs.getString(3)), orgId, clientId).stream().findFirst();
    }
}
