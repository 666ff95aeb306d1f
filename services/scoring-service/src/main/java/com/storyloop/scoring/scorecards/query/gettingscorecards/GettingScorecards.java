package com.storyloop.scoring.scorecards.query.gettingscorecards;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.storyloop.rubric.json.ScorecardJson;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.scoring.rubrics.application.RubricCatalog;
import com.storyloop.scoring.scorecards.adapter.out.jdbc.DeflatedJson;
import com.storyloop.scoring.scorecards.application.ScoreRevisions;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.StoryOwner;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * Scorecards from the read model the consumer and the rescoring jobs write with each RevisionScored. The row keeps the
 * summary and what the engine was given besides the revision copy (claims, target level); the full document is rebuilt
 * from them with the row's rubric version, which gives the scored bytes again: the engine is deterministic and a version's
 * definition never changes. Rows from before that keep a stored document and are served from it.
 */
@Component
public class GettingScorecards {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            s.story_id, s.revision, s.rubric_version, s.org_id, s.client_id, s.bank_id, s.verdict, s.overall, s.event_id, s.scored_at,
            s.scorecard, s.scorecard_deflated, s.claimed, s.target_level,
            r.bank_id as r_bank_id, r.title, r.situation, r.task, r.action, r.result, r.story_text, r.source_event_id, r.correlation_id
            from scorecards s join revisions r on r.story_id = s.story_id and r.revision = s.revision
            """;

    private final JdbcTemplate jdbc;
    private final RubricCatalog catalog;
    private final Access access;
    private final RowMapper<ScorecardView> view = this::view;

    public GettingScorecards(JdbcTemplate jdbc, RubricCatalog catalog, Access access) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.access = access;
    }

    /** The organisation and client a story belongs to, from its copied revisions. */
    public Optional<StoryOwner> owner(String storyId) {
        return jdbc.query("select org_id, client_id from revisions where story_id = ? limit 1",
                (rs, n) -> new StoryOwner(rs.getString(1), rs.getString(2)), storyId).stream().findFirst();
    }

    /**
     * Every rubric version's scorecard of a revision the caller may see; an empty list while a known revision is being
     * scored. Another client's or organisation's story answers exactly like an unknown one.
     */
    public List<ScorecardView> ofRevision(Caller caller, String storyId, int revision) {
        ResourceNotFound notFound = new ResourceNotFound("revision", revision + " of story " + storyId);
        requireStory(caller, storyId, notFound);
        List<ScorecardView> found = ofRevision(storyId, revision);
        if (found.isEmpty() && !revisionKnown(storyId, revision)) {
            throw notFound;
        }
        return found;
    }

    public ScorecardView ofRevision(Caller caller, String storyId, int revision, String rubricVersion) {
        ResourceNotFound notFound = new ResourceNotFound("scorecard", "of revision " + revision + " of story " + storyId + " under rubric "
                + rubricVersion);
        requireStory(caller, storyId, notFound);
        return ofRevision(storyId, revision, rubricVersion).orElseThrow(() -> notFound);
    }

    public ScorecardView latest(Caller caller, String storyId, String rubricVersion) {
        ResourceNotFound notFound = new ResourceNotFound("scorecard", "of story " + storyId + (rubricVersion == null ? "" : " under rubric "
                + rubricVersion));
        requireStory(caller, storyId, notFound);
        return latest(storyId, rubricVersion).orElseThrow(() -> notFound);
    }

    /** Unknown and not the caller's to see throw the same not-found, so nothing tells them apart. */
    private void requireStory(Caller caller, String storyId, ResourceNotFound notFound) {
        StoryOwner owner = owner(storyId).orElseThrow(() -> notFound);
        if (!access.canSeeClient(caller, owner.orgId(), owner.clientId())) {
            throw notFound;
        }
    }

    /** Every rubric version's scorecard of one revision, oldest first. */
    public List<ScorecardView> ofRevision(String storyId, int revision) {
        return jdbc.query("select " + COLUMNS + " where s.story_id = ? and s.revision = ? order by s.scored_at, s.rubric_version", view, storyId,
                revision);
    }

    public Optional<ScorecardView> ofRevision(String storyId, int revision, String rubricVersion) {
        return jdbc.query("select " + COLUMNS + " where s.story_id = ? and s.revision = ? and s.rubric_version = ?", view, storyId, revision,
                rubricVersion).stream().findFirst();
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
            return jdbc.query("select " + COLUMNS + " where s.story_id = ? and s.rubric_version = ? order by s.revision desc limit 1", view,
                    storyId, rubricVersion).stream().findFirst();
        }
        List<String> orgs = jdbc.queryForList("select org_id from scorecards where story_id = ? limit 1", String.class, storyId);
        if (orgs.isEmpty()) {
            return Optional.empty();
        }
        String current = jdbc.queryForList("select rubric_version from organisations where org_id = ?", String.class, orgs.get(0)).stream()
                .findFirst().orElse(catalog.standardVersion());
        return jdbc.query("select " + COLUMNS + " where s.story_id = ? order by s.revision desc, (s.rubric_version = ?) desc, s.scored_at desc "
                + "limit 1", view, storyId, current).stream().findFirst();
    }

    private ScorecardView view(ResultSet rs, int row) throws SQLException {
        return new ScorecardView(rs.getString("story_id"), rs.getInt("revision"), rs.getString("rubric_version"), rs.getString("org_id"),
                rs.getString("client_id"), rs.getString("bank_id"), rs.getString("verdict"), rs.getInt("overall"),
                rs.getObject("event_id", UUID.class), rs.getTimestamp("scored_at").toInstant(), JSON.readTree(document(rs)));
    }

    /** The engine's JSON of this scorecard, byte for byte what {@code ./storyloop score --json} prints for the same input. */
    private String document(ResultSet rs) throws SQLException {
        byte[] deflated = rs.getBytes("scorecard_deflated");
        if (deflated != null) {
            return DeflatedJson.inflate(deflated);
        }
        String stored = rs.getString("scorecard");
        if (stored != null) {
            return stored;
        }
        Array claimed = rs.getArray("claimed");
        RevisionCopy copy = RevisionCopy.of(rs.getString("story_id"), rs.getInt("revision"), rs.getString("r_bank_id"), rs.getString("org_id"),
                rs.getString("client_id"), rs.getString("title"), rs.getString("situation"), rs.getString("task"), rs.getString("action"),
                rs.getString("result"), rs.getString("story_text"), Arrays.asList((String[]) claimed.getArray()),
                rs.getObject("source_event_id", UUID.class), rs.getString("correlation_id"));
        Level level = Level.parse(rs.getString("target_level")).orElse(null);
        return ScorecardJson.toJson(ScorecardJson.full(catalog.require(rs.getString("rubric_version")).score(ScoreRevisions.input(copy, level))));
    }
}
