package com.storyloop.scoring.rubrics.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.scoring.rubrics.application.RubricDefinitions;

/** Registered rubric definitions in the {@code rubric_definitions} table, owned by the installation or one organisation. */
@Repository
class JdbcRubricDefinitions implements RubricDefinitions {

    private static final String COLUMNS = "rubric_version, title, provider_id, pack_version, definition, definition_sha256, registered_at, offered_to_org";

    // an organisation's own registration of a version wins over the installation's (same definition, its own provenance)
    private static final String VISIBLE = "select distinct on (rubric_version) " + COLUMNS + " from rubric_definitions"
            + " where (offered_to_org is null or offered_to_org = ?) ";

    private final JdbcTemplate jdbc;

    JdbcRubricDefinitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredDefinition> visibleTo(String orgId, String rubricVersion) {
        return jdbc.query(VISIBLE + "and rubric_version = ? order by rubric_version, offered_to_org nulls last", JdbcRubricDefinitions::row,
                orgId, rubricVersion).stream().findFirst();
    }

    @Override
    public List<StoredDefinition> visibleTo(String orgId) {
        return jdbc.query("select * from (" + VISIBLE + "order by rubric_version, offered_to_org nulls last) v order by registered_at, rubric_version",
                JdbcRubricDefinitions::row, orgId);
    }

    @Override
    public List<StoredDefinition> registrations(String rubricVersion) {
        return jdbc.query("select " + COLUMNS + " from rubric_definitions where rubric_version = ? order by registered_at", JdbcRubricDefinitions::row,
                rubricVersion);
    }

    @Override
    public void lockVersion(String rubricVersion) {
        // an advisory lock takes no transaction id, so a later event append is still the transaction's first write
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "rubric-version:" + rubricVersion);
    }

    @Override
    public boolean insert(StoredDefinition d) {
        return jdbc.update("""
                insert into rubric_definitions (rubric_version, title, provider_id, pack_version, definition, definition_sha256, registered_at,
                    offered_to_org)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, d.rubricVersion(), d.title(), d.providerId(), d.packVersion(), d.json(), d.sha256(), Timestamp.from(d.registeredAt()),
                d.offeredToOrg()) == 1;
    }

    private static StoredDefinition row(ResultSet rs, int i) throws SQLException {
        return new StoredDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8));
    }
}
