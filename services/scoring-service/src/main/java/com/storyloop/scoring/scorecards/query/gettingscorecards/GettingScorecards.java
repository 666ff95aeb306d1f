package com.storyloop.scoring.scorecards.query.gettingscorecards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.scorecards.adapter.out.jdbc.DeflatedJson;

/** Scorecards from the read model the consumer and the rescoring jobs write with each RevisionScored. */
@Component
public class GettingScorecards {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "story_id, revision, rubric_version, org_id, client_id, bank_id, verdict, overall, event_id, scored_at, scorecard, "
            + "scorecard_deflated";

    private final JdbcTemplate jdbc;
    private final RubricCatalog catalog;

    public GettingScorecards(JdbcTemplate jdbc, RubricCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Every rubric version's scorecard of one revision, oldest first. */
    public List<ScorecardView> ofRevision(String storyId, int revision) {
        return jdbc.query("select " + COLUMNS + " from scorecards where story_id = ? and revision = ? order by scored_at, rubric_version",
                GettingScorecards::view, storyId, revision);
    }

    public Optional<ScorecardView> ofRevision(String storyId, int revision, String rubricVersion) {
        return jdbc.query("select " + COLUMNS + " from scorecards where story_id = ? and revision = ? and rubric_version = ?",
                GettingScorecards::view, storyId, revision, rubricVersion).stream().findFirst();
    }

    /** Whether scoring knows this revision at all (it may not be scored yet). */
    public boolean revisionKnown(String storyId, int revision) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from revisions where story_id = ? and revision = ?)",
                Boolean.class, storyId, revision));
    }

    /**
     * The story's latest scorecard: its highest scored revision, under {@code rubricVersion} when given; otherwise
     * preferring the organisation's current version, then the most recently written one.
     */
    public Optional<ScorecardView> latest(String storyId, String rubricVersion) {
        if (rubricVersion != null) {
            return jdbc.query("select " + COLUMNS + " from scorecards where story_id = ? and rubric_version = ? order by revision desc limit 1",
                    GettingScorecards::view, storyId, rubricVersion).stream().findFirst();
        }
        List<String> orgs = jdbc.queryForList("select org_id from scorecards where story_id = ? limit 1", String.class, storyId);
        if (orgs.isEmpty()) {
            return Optional.empty();
        }
        String current = jdbc.queryForList("select rubric_version from organisations where org_id = ?", String.class, orgs.get(0)).stream()
                .findFirst().orElse(catalog.standardVersion());
        return jdbc.query("select " + COLUMNS + " from scorecards where story_id = ? order by revision desc, (rubric_version = ?) desc, "
                + "scored_at desc limit 1", GettingScorecards::view, storyId, current).stream().findFirst();
    }

    private static ScorecardView view(ResultSet rs, int row) throws SQLException {
        return new ScorecardView(rs.getString("story_id"), rs.getInt("revision"), rs.getString("rubric_version"), rs.getString("org_id"),
                rs.getString("client_id"), rs.getString("bank_id"), rs.getString("verdict"), rs.getInt("overall"),
                rs.getObject("event_id", UUID.class), rs.getTimestamp("scored_at").toInstant(), JSON.readTree(json(rs)));
    }

    /** The engine's JSON as written: deflated by the service, or as text in rows older than that. */
    private static String json(ResultSet rs) throws SQLException {
        byte[] deflated = rs.getBytes("scorecard_deflated");
        return deflated != null ? DeflatedJson.inflate(deflated) : rs.getString("scorecard");
    }
}
