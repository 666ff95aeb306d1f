package com.storyloop.coverage.analytics.query.readinganalytics;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.analytics.domain.CoachAgreement;
import com.storyloop.coverage.analytics.domain.CohortAnalytics;
import com.storyloop.coverage.analytics.domain.WeaknessHeatmap;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * GET /api/orgs/{orgId}/analytics: cohort analytics over the organisation's scorecards (from the story timeline tables);
 * its parts at /analytics/revisions (mean overall by revision number, median revisions to PASS) and /analytics/flags
 * (flag resolution rate) and /analytics/agreement (coach-vs-engine agreement per dimension, from CoachScored), each also as
 * {@code text/csv}; /analytics/heatmap (principle x dimension weakness over active stories). Org admins of that organisation only.
 */
@RestController
class ReadingAnalytics {

    record RevisionsPart(List<CohortAnalytics.RevisionMean> meanOverallByRevision, Double medianRevisionsToPass, int storiesAtPass, int stories) {
    }

    private final AnalyticsQuery query;

    ReadingAnalytics(AnalyticsQuery query) {
        this.query = query;
    }

    record AnalyticsView(String orgId, CohortAnalytics.Report cohort, CoachAgreement.Report agreement) {
    }

    @GetMapping("/api/orgs/{orgId}/analytics")
    ResponseEntity<?> analytics(@PathVariable String orgId, Caller caller) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new AnalyticsView(orgId, query.cohort(caller, orgId), query.agreement(caller, orgId)));
    }

    @GetMapping("/api/orgs/{orgId}/analytics/{part}")
    ResponseEntity<?> part(@PathVariable String orgId, @PathVariable String part, @RequestHeader(value = "Accept", required = false) String accept,
                           Caller caller) {
        CohortAnalytics.Report report = query.cohort(caller, orgId); // checks the caller before anything else, the part's name included
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
            CoachAgreement.Report agreement = query.agreement(caller, orgId);
            if (csv) {
                StringBuilder out = new StringBuilder("dimension,pairs,meanAbsoluteDifference,exactShare,withinOneShare\n");
                agreement.dimensions().forEach(d -> out.append(d.dimension()).append(',').append(d.pairs()).append(',').append(d.meanAbsoluteDifference())
                        .append(',').append(d.exactShare()).append(',').append(d.withinOneShare()).append('\n'));
                return csv(out.toString());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(agreement);
        }
        if (part.equals("heatmap")) {
            List<WeaknessHeatmap.Cell> cells = query.heatmap(caller, orgId);
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
}
