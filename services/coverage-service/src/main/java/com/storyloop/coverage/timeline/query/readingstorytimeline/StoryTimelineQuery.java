package com.storyloop.coverage.timeline.query.readingstorytimeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.timeline.domain.RevisionScore;
import com.storyloop.coverage.timeline.domain.RevisionText;
import com.storyloop.coverage.timeline.domain.StoryTimeline;
import com.storyloop.coverage.timeline.domain.TimelinePoint;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/** A story's timeline, for those who may see the story's client, read within the caller's organisation. */
@Component
class StoryTimelineQuery {

    private final JdbcTemplate jdbc;
    private final Access access;

    StoryTimelineQuery(JdbcTemplate jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * The story's timeline if the caller may see its client (the client, their coach, an org admin). The story is looked up
     * in the caller's organisation only, so another organisation's story answers exactly like a missing one.
     */
    List<TimelinePoint> read(Caller caller, String storyId) {
        String orgId = caller.orgId();
        List<String> owner = jdbc.query("select client_id from timeline_revision where org_id = ? and story_id = ? limit 1",
                (rs, i) -> rs.getString(1), orgId, storyId);
        if (owner.isEmpty()) {
            throw new ResourceNotFound("story", storyId);
        }
        access.requireClient(caller, orgId, owner.get(0), "story", storyId);
        List<RevisionText> revisions = jdbc.query("""
                select revision, occurred_at, situation, task, action, result, free_text from timeline_revision where org_id = ? and story_id = ?
                """, (rs, i) -> text(rs), orgId, storyId);
        List<RevisionScore> scores = jdbc.query("""
                select revision, rubric_version, verdict, overall, dimensions, flags, ar_share, speaking_seconds, word_count
                  from timeline_score where org_id = ? and story_id = ? order by occurred_at, rubric_version
                """, (rs, i) -> new RevisionScore(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), dimensions(rs.getString(5)),
                flags(rs.getString(6)), rs.getDouble(7), rs.getInt(8), rs.getInt(9)), orgId, storyId);
        return StoryTimeline.of(revisions, scores);
    }

    private static RevisionText text(ResultSet rs) throws SQLException {
        Map<String, String> sections = new HashMap<>();
        String[] names = {"SITUATION", "TASK", "ACTION", "RESULT", "TEXT"};
        for (int i = 0; i < names.length; i++) {
            String value = rs.getString(3 + i);
            if (value != null) {
                sections.put(names[i], value);
            }
        }
        Timestamp at = rs.getTimestamp(2);
        return new RevisionText(rs.getInt(1), at.toInstant(), sections);
    }

    private static Map<String, Integer> dimensions(String encoded) {
        Map<String, Integer> map = new HashMap<>();
        for (String pair : encoded.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return map;
    }

    private static Set<String> flags(String encoded) {
        Set<String> set = new HashSet<>();
        for (String flag : encoded.split(",")) {
            if (!flag.isEmpty()) {
                set.add(flag);
            }
        }
        return set;
    }
}
