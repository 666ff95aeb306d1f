package com.storyloop.coverage.analytics.query.readinganalytics;

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

import com.storyloop.coverage.analytics.domain.CoachAgreement;
import com.storyloop.coverage.analytics.domain.CohortAnalytics;
import com.storyloop.coverage.analytics.domain.ScoredRevision;
import com.storyloop.coverage.analytics.domain.WeaknessHeatmap;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * GET /api/orgs/{orgId}/analytics: cohort analytics over the organisation's scorecards (from the story timeline tables);
 * its parts at /analytics/revisions (mean overall by revision number, median revisions to PASS) and /analytics/flags
 * (flag resolution rate) and /analytics/agreement (coach-vs-engine agreement per dimension, from CoachScored), each also as
 * {@code text/csv}; /analytics/heatmap (principle x dimension weakness over active stories).
 */
@RestController
class ReadingAnalytics {

    record RevisionsPart(List<CohortAnalytics.RevisionMean> meanOverallByRevision, Double medianRevisionsToPass, int storiesAtPass, int stories) {
    }

    private final JdbcTemplate jdbc;

    ReadingAnalytics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record AnalyticsView(String orgId, CohortAnalytics.Report cohort, CoachAgreement.Report agreement) {
    }

    @GetMapping("/api/orgs/{orgId}/analytics")
    ResponseEntity<?> analytics(@PathVariable String orgId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new AnalyticsView(orgId, report(orgId), agreement(orgId)));
    }

    @GetMapping("/api/orgs/{orgId}/analytics/{part}")
    ResponseEntity<?> part(@PathVariable String orgId, @PathVariable String part, @RequestHeader(value = "Accept", required = false) String accept) {
        CohortAnalytics.Report report = report(orgId);
        boolean csv = accept != null && accept.contains("text/csv");
        if (part.equals("revisions")) {
            if (csv) {
                StringBuilder out = new StringBuilder("revision,meanOverall,stories\n");
                report.meanOverallByRevision().forEach(m -> out.append(m.revision()).append(',').append(m.meanOverall()).append(',').append(m.stories()).append('\n'));
                return csv(out.toString());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new RevisionsPart(report.meanOverallByRevision(),
                    report.medianRevisionsToPass(), report.storiesAtPass(), report.stories()));
        }
        if (part.equals("flags")) {
            if (csv) {
                StringBuilder out = new StringBuilder("flag,raised,resolved,rate\n");
                report.flagResolution().forEach(f -> out.append(f.flag()).append(',').append(f.raised()).append(',').append(f.resolved()).append(',')
                        .append(f.rate()).append('\n'));
                return csv(out.toString());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("flagResolution", report.flagResolution()));
        }
        if (part.equals("agreement")) {
            CoachAgreement.Report agreement = agreement(orgId);
            if (csv) {
                StringBuilder out = new StringBuilder("dimension,pairs,meanAbsoluteDifference,exactShare,withinOneShare\n");
                agreement.dimensions().forEach(d -> out.append(d.dimension()).append(',').append(d.pairs()).append(',').append(d.meanAbsoluteDifference())
                        .append(',').append(d.exactShare()).append(',').append(d.withinOneShare()).append('\n'));
                return csv(out.toString());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(agreement);
        }
        if (part.equals("heatmap")) {
            List<WeaknessHeatmap.Cell> cells = heatmap(orgId);
            if (csv) {
                StringBuilder out = new StringBuilder("principle,dimension,stories,meanScore,weakness\n");
                cells.forEach(c -> out.append(c.principle()).append(',').append(c.dimension()).append(',').append(c.stories()).append(',')
                        .append(c.meanScore()).append(',').append(c.weakness()).append('\n'));
                return csv(out.toString());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("heatmap", cells));
        }
        throw new ResourceNotFound("analytics part", part);
    }

    private static ResponseEntity<String> csv(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(body);
    }

    /** Active stories' current claims (coverage tables) with the engine's latest dimension scores of their current revision. */
    private List<WeaknessHeatmap.Cell> heatmap(String orgId) {
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
    private CoachAgreement.Report agreement(String orgId) {
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

    private CohortAnalytics.Report report(String orgId) {
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
