package com.storyloop.coverage.principles.adapter.out.postgres;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.coverage.principles.domain.StoryState;

/** The coverage_story table: the current state of every story, loaded and written back once per poll batch. */
public final class StoryRows {

    /** A story's state with the columns only the adapter needs. */
    public record StoryRow(String orgId, String clientId, String bankId, String title, StoryState state) {

        public StoryRow with(String title, StoryState state) {
            return new StoryRow(orgId, clientId, bankId, title, state);
        }
    }

    private static final List<String> TYPES = List.of("text", "text", "text", "text", "text", "int4", "text", "text", "text", "bool", "bool", "int8");

    private StoryRows() {
    }

    public static Map<String, StoryRow> load(JdbcTemplate jdbc, Collection<String> storyIds) {
        Map<String, StoryRow> rows = new HashMap<>();
        if (storyIds.isEmpty()) {
            return rows;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select org_id, client_id, story_id, bank_id, title, revision, principles, body, project_tag, retired, deep_dive, last_version
                      from coverage_story where story_id = any(?)
                    """);
            Array ids = con.createArrayOf("text", storyIds.toArray());
            ps.setArray(1, ids);
            return ps;
        }, rs -> {
            String id = rs.getString(3);
            rows.put(id, new StoryRow(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(5),
                    new StoryState(id, rs.getLong(12), rs.getInt(6), BankRows.principles(rs.getString(7)), rs.getString(8), rs.getString(9),
                            rs.getBoolean(10), rs.getBoolean(11))));
        });
        return rows;
    }

    /** Writes each row unless the table already holds a later version of the story (a concurrent rebuild or replay). */
    public static void upsert(JdbcTemplate jdbc, Collection<StoryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(rows.size());
        for (StoryRow row : rows) {
            StoryState s = row.state();
            args.add(new Object[] {row.orgId(), row.clientId(), s.storyId(), row.bankId(), row.title(), s.revision(), BankRows.codes(s.claimed()),
                    s.text(), s.projectTag(), s.retired(), s.deepDive(), s.version()});
        }
        Unnest.write(jdbc, """
                insert into coverage_story (org_id, client_id, story_id, bank_id, title, revision, principles, body, project_tag, retired,
                                            deep_dive, last_version)
                select * from %s
                on conflict (story_id) do update set title = excluded.title, revision = excluded.revision, principles = excluded.principles,
                    body = excluded.body, project_tag = excluded.project_tag, retired = excluded.retired, deep_dive = excluded.deep_dive,
                    last_version = excluded.last_version
                where coverage_story.last_version < excluded.last_version
                """.formatted(Unnest.of(TYPES)), TYPES, args);
    }

    private static final List<String> SCORE_TYPES = List.of("text", "text", "text", "int4", "text", "text", "int4", "text", "timestamptz");

    /** Scorecard rows (org, client, story, revision, rubric version, verdict, overall, fits, occurred at); one per revision and version. */
    public static void insertScores(JdbcTemplate jdbc, List<Object[]> rows) {
        Unnest.write(jdbc, """
                insert into coverage_score (org_id, client_id, story_id, revision, rubric_version, verdict, overall, fits, occurred_at)
                select * from %s on conflict do nothing
                """.formatted(Unnest.of(SCORE_TYPES)), SCORE_TYPES, rows);
    }
}
