package com.storyloop.coverage.analytics.query.readinganalytics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.analytics.domain.CoachAgreement;
import com.storyloop.coverage.analytics.domain.CohortAnalytics;
import com.storyloop.coverage.analytics.domain.ScoredRevision;
import com.storyloop.coverage.analytics.domain.WeaknessHeatmap;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;

/** Organisation-wide analytics: for that organisation's admins only, every table read with its org id. */
@Component
class AnalyticsQuery {

    private final JdbcTemplate jdbc;

    AnalyticsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Active stories' current claims (coverage tables) with the engine's latest dimension scores of their current revision. */
    List<WeaknessHeatmap.Cell> heatmap(Caller caller, String orgId) {
        Access.requireStaff(caller, orgId);
        Map<String, String> engine = new HashMap<>();
        jdbc.query("select story_id, revision, dimensions from timeline_score where org_id = ? order by occurred_at, rubric_version",
                rs -> {
                    engine.put(rs.getString(1) + "#" + rs.getInt(2), rs.getString(3));
                }, orgId);
        List<WeaknessHeatmap.StoryDimensions> stories = new java.util.ArrayList<>();
        jdbc.query("select story_id, revision, principles from coverage_story where org_id = ? and not retired", rs -> {
            String scored = engine.get(rs.getString(1) + "#" + rs.getInt(2));
            if (scored != null) {
                Set<String> principles = new HashSet<>();
                for (String code : rs.getString(3).split(",")) {
                    if (!code.isEmpty()) {
                        principles.add(code);
                    }
                }
                stories.add(new WeaknessHeatmap.StoryDimensions(principles, dimensions(scored)));
            }
        }, orgId);
        return WeaknessHeatmap.of(stories);
    }

    /** Each coach score against the engine's latest scorecard of the same revision. */
    CoachAgreement.Report agreement(Caller caller, String orgId) {
        Access.requireStaff(caller, orgId);
        Map<String, String[]> engine = new HashMap<>();
        jdbc.query("""
                select story_id, revision, dimensions, verdict from timeline_score where org_id = ? order by occurred_at, rubric_version
                """, rs -> {
            engine.put(rs.getString(1) + "#" + rs.getInt(2), new String[] {rs.getString(3), rs.getString(4)});
        }, orgId);
        List<CoachAgreement.Comparison> comparisons = new java.util.ArrayList<>();
        jdbc.query("select story_id, revision, dimensions, verdict from coach_score where org_id = ? order by occurred_at, event_id", rs -> {
            String[] scored = engine.get(rs.getString(1) + "#" + rs.getInt(2));
            if (scored != null) {
                comparisons.add(new CoachAgreement.Comparison(dimensions(rs.getString(3)), dimensions(scored[0]), rs.getString(4), scored[1]));
            }
        }, orgId);
        return CoachAgreement.of(comparisons);
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

    CohortAnalytics.Report cohort(Caller caller, String orgId) {
        Access.requireStaff(caller, orgId);
        Map<String, ScoredRevision> latest = new HashMap<>();
        jdbc.query("""
                select story_id, revision, verdict, overall, flags from timeline_score where org_id = ? order by occurred_at, rubric_version
                """, rs -> {
            Set<String> flags = new HashSet<>();
            for (String flag : rs.getString(5).split(",")) {
                if (!flag.isEmpty()) {
                    flags.add(flag);
                }
            }
            ScoredRevision r = new ScoredRevision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), flags);
            latest.put(r.storyId() + "#" + r.revision(), r);
        }, orgId);
        return CohortAnalytics.of(List.copyOf(latest.values()));
    }
}
