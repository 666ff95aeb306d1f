package com.storyloop.coverage.timeline.query.readingstorytimeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.timeline.adapter.in.kafka.StoryTimelineProjection;
import com.storyloop.coverage.timeline.domain.RevisionScore;
import com.storyloop.coverage.timeline.domain.RevisionText;
import com.storyloop.coverage.timeline.domain.StoryTimeline;
import com.storyloop.coverage.timeline.domain.TimelinePoint;
import com.storyloop.eventing.consumer.EventConsumer;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * GET /api/stories/{storyId}/timeline: one point per revision (overall, verdict, dimensions, flags introduced and resolved,
 * words and sections changed, dimension moves, regression alerts), as JSON or with {@code Accept: text/csv} as CSV;
 * consumerLag says how far behind the log the view is.
 */
@RestController
class ReadingStoryTimeline {

    record TimelineView(String storyId, List<TimelinePoint> points, long consumerLag) {
    }

    private final JdbcTemplate jdbc;
    private final EventingLifecycle eventing;

    ReadingStoryTimeline(JdbcTemplate jdbc, EventingLifecycle eventing) {
        this.jdbc = jdbc;
        this.eventing = eventing;
    }

    @GetMapping("/api/stories/{storyId}/timeline")
    ResponseEntity<?> timeline(@PathVariable String storyId, @RequestHeader(value = "Accept", required = false) String accept) {
        List<RevisionText> revisions = jdbc.query("""
                select revision, occurred_at, situation, task, action, result, free_text from timeline_revision where story_id = ?
                """, (rs, i) -> text(rs), storyId);
        if (revisions.isEmpty()) {
            throw new ResourceNotFound("story", storyId);
        }
        List<RevisionScore> scores = jdbc.query("""
                select revision, rubric_version, verdict, overall, dimensions, flags, ar_share, speaking_seconds, word_count
                  from timeline_score where story_id = ? order by occurred_at, rubric_version
                """, (rs, i) -> new RevisionScore(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), dimensions(rs.getString(5)),
                flags(rs.getString(6)), rs.getDouble(7), rs.getInt(8), rs.getInt(9)), storyId);
        List<TimelinePoint> points = StoryTimeline.of(revisions, scores);
        long lag = lag();
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).header("X-Consumer-Lag", Long.toString(lag)).body(csv(points));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Consumer-Lag", Long.toString(lag))
                .body(new TimelineView(storyId, points, lag));
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

    private long lag() {
        long lag = 0;
        for (EventConsumer consumer : eventing.consumers()) {
            if (StoryTimelineProjection.GROUP.equals(consumer.group())) {
                lag += consumer.lag();
            }
        }
        return lag;
    }

    private static String csv(List<TimelinePoint> points) {
        StringBuilder csv = new StringBuilder("revision,at,overall,verdict,rubricVersion,wordsChanged,sectionsChanged,flagsIntroduced,flagsResolved,alerts\n");
        for (TimelinePoint p : points) {
            csv.append(p.revision()).append(',').append(p.at()).append(',').append(p.overall() == null ? "" : p.overall()).append(',')
                    .append(p.verdict() == null ? "" : p.verdict()).append(',').append(p.rubricVersion() == null ? "" : p.rubricVersion()).append(',')
                    .append(p.wordsChanged()).append(',').append(String.join(";", p.sectionsChanged())).append(',')
                    .append(String.join(";", p.flagsIntroduced())).append(',').append(String.join(";", p.flagsResolved())).append(',')
                    .append(String.join(";", p.alerts())).append('\n');
        }
        return csv.toString();
    }
}
