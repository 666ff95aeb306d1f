package com.storyloop.scoring.rubrics.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.scoring.rubrics.application.RubricDefinitions;

/** Registered rubric definitions in the {@code rubric_definitions} table. */
@Repository
class JdbcRubricDefinitions implements RubricDefinitions {

    private static final String COLUMNS = "rubric_version, title, provider_id, pack_version, definition, definition_sha256, registered_at";

    private final JdbcTemplate jdbc;

    JdbcRubricDefinitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredDefinition> find(String rubricVersion) {
        return jdbc.query("select " + COLUMNS + " from rubric_definitions where rubric_version = ?", JdbcRubricDefinitions::row, rubricVersion)
                .stream().findFirst();
    }

    @Override
    public List<StoredDefinition> all() {
        return jdbc.query("select " + COLUMNS + " from rubric_definitions order by registered_at, rubric_version", JdbcRubricDefinitions::row);
    }

    @Override
    public boolean insert(StoredDefinition d) {
        return jdbc.update("""
                insert into rubric_definitions (rubric_version, title, provider_id, pack_version, definition, definition_sha256, registered_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (rubric_version) do nothing
                """, d.rubricVersion(), d.title(), d.providerId(), d.packVersion(), d.json(), d.sha256(), Timestamp.from(d.registeredAt())) == 1;
    }

    private static StoredDefinition row(ResultSet rs, int i) throws SQLException {
        return new StoredDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }
}
