package com.storyloop.coverage.analytics.query.readinganalytics;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.analytics.domain.CoachAgreement;
import com.storyloop.coverage.analytics.domain.CohortAnalytics;
import com.storyloop.coverage.analytics.domain.WeaknessHeatmap;
import com.storyloop.coverage.principles.adapter.in.kafka.PrincipleCoverageProjection;
import com.storyloop.coverage.timeline.adapter.in.kafka.StoryTimelineProjection;
import com.storyloop.coverage.views.ViewAnswers;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * GET /api/orgs/{orgId}/analytics: cohort analytics over the organisation's scorecards (from the story timeline tables),
 * all parts at once (JSON, or {@code text/csv} with a table column); its parts at /analytics/revisions (mean overall by
 * revision number, median revisions to PASS), /analytics/flags (flag resolution rate), /analytics/agreement
 * (coach-vs-engine agreement per dimension and on the verdict, from CoachScored) and /analytics/heatmap (principle x
 * dimension weakness over active stories), each also as {@code text/csv}. Org admins of that organisation only. Every
 * answer says how far behind the event log its projections are (consumerLag, and the X-Consumer-Lag header).
 */
@RestController
class ReadingAnalytics {

    record RevisionsPart(List<CohortAnalytics.RevisionMean> meanOverallByRevision, Double medianRevisionsToPass, int storiesAtPass, int stories,
                         long consumerLag) {
    }

    record AgreementPart(int comparisons, Double verdictAgreement, List<CoachAgreement.DimensionAgreement> dimensions, long consumerLag) {
    }

    /** The projections these tables come from: scorecards and coach scores (story timeline), active stories (coverage). */
    private static final List<String> GROUPS = List.of(StoryTimelineProjection.GROUP, PrincipleCoverageProjection.GROUP);

    private final AnalyticsQuery query;
    private final EventingLifecycle eventing;

    ReadingAnalytics(AnalyticsQuery query, EventingLifecycle eventing) {
        this.query = query;
        this.eventing = eventing;
    }

    record AnalyticsView(String orgId, CohortAnalytics.Report cohort, CoachAgreement.Report agreement, List<WeaknessHeatmap.Cell> heatmap,
                         long consumerLag) {
    }

    /** All of it; as CSV, every table one after another, told apart by the first column. */
    @GetMapping("/api/orgs/{orgId}/analytics")
    ResponseEntity<?> analytics(@PathVariable String orgId, @RequestHeader(value = "Accept", required = false) String accept, Caller caller) {
        CohortAnalytics.Report cohort = query.cohort(caller, orgId);
        CoachAgreement.Report agreement = query.agreement(caller, orgId);
        List<WeaknessHeatmap.Cell> heatmap = query.heatmap(caller, orgId);
        long lag = eventing.lag(GROUPS);
        if (ViewAnswers.wantsCsv(accept)) {
            StringBuilder out = new StringBuilder("table,key,value1,value2,value3,value4\n");
            cohort.meanOverallByRevision().forEach(m -> row(out, "meanOverallByRevision", m.revision(), m.meanOverall(), m.stories(), null, null));
            row(out, "medianRevisionsToPass", "", cohort.medianRevisionsToPass(), cohort.storiesAtPass(), cohort.stories(), null);
            cohort.flagResolution().forEach(f -> row(out, "flagResolution", f.flag(), f.raised(), f.resolved(), f.rate(), null));
            agreement.dimensions().forEach(d -> row(out, "coachAgreement", d.dimension(), d.pairs(), d.meanAbsoluteDifference(), d.exactShare(),
                    d.withinOneShare()));
            row(out, "coachAgreement", "VERDICT", agreement.comparisons(), agreement.verdictAgreement(), null, null);
            heatmap.forEach(c -> row(out, "weaknessHeatmap", c.principle() + ":" + c.dimension(), c.stories(), c.meanScore(), c.weakness(), null));
            return ViewAnswers.csv(out.toString(), lag);
        }
        return ViewAnswers.json(new AnalyticsView(orgId, cohort, agreement, heatmap, lag), lag);
    }

    @GetMapping("/api/orgs/{orgId}/analytics/{part}")
    ResponseEntity<?> part(@PathVariable String orgId, @PathVariable String part, @RequestHeader(value = "Accept", required = false) String accept,
                           Caller caller) {
        CohortAnalytics.Report report = query.cohort(caller, orgId); // checks the caller before anything else, the part's name included
        boolean csv = ViewAnswers.wantsCsv(accept);
        long lag = eventing.lag(GROUPS);
        if (part.equals("revisions")) {
            if (csv) {
                StringBuilder out = new StringBuilder("revision,meanOverall,stories\n");
                report.meanOverallByRevision().forEach(m -> out.append(m.revision()).append(',').append(m.meanOverall()).append(',').append(m.stories()).append('\n'));
                return ViewAnswers.csv(out.toString(), lag);
            }
            return ViewAnswers.json(new RevisionsPart(report.meanOverallByRevision(), report.medianRevisionsToPass(), report.storiesAtPass(), report.stories(), lag),
                    lag);
        }
        if (part.equals("flags")) {
            if (csv) {
                StringBuilder out = new StringBuilder("flag,raised,resolved,rate\n");
                report.flagResolution().forEach(f -> out.append(f.flag()).append(',').append(f.raised()).append(',').append(f.resolved()).append(',')
                        .append(f.rate()).append('\n'));
                return ViewAnswers.csv(out.toString(), lag);
            }
            return ViewAnswers.json(Map.of("flagResolution", report.flagResolution(), "consumerLag", lag), lag);
        }
        if (part.equals("agreement")) {
            CoachAgreement.Report agreement = query.agreement(caller, orgId);
            if (csv) {
                StringBuilder out = new StringBuilder("dimension,pairs,meanAbsoluteDifference,exactShare,withinOneShare\n");
                agreement.dimensions().forEach(d -> out.append(d.dimension()).append(',').append(d.pairs()).append(',').append(d.meanAbsoluteDifference())
                        .append(',').append(d.exactShare()).append(',').append(d.withinOneShare()).append('\n'));
                // the verdict is one more thing coach and engine agree on or not: its share of exact agreement, over every comparison
                out.append("VERDICT,").append(agreement.comparisons()).append(",,").append(ViewAnswers.field(agreement.verdictAgreement())).append(",\n");
                return ViewAnswers.csv(out.toString(), lag);
            }
            return ViewAnswers.json(new AgreementPart(agreement.comparisons(), agreement.verdictAgreement(), agreement.dimensions(), lag), lag);
        }
        if (part.equals("heatmap")) {
            List<WeaknessHeatmap.Cell> cells = query.heatmap(caller, orgId);
            if (csv) {
                StringBuilder out = new StringBuilder("principle,dimension,stories,meanScore,weakness\n");
                cells.forEach(c -> out.append(c.principle()).append(',').append(c.dimension()).append(',').append(c.stories()).append(',')
                        .append(c.meanScore()).append(',').append(c.weakness()).append('\n'));
                return ViewAnswers.csv(out.toString(), lag);
            }
            return ViewAnswers.json(Map.of("heatmap", cells, "consumerLag", lag), lag);
        }
        throw new ResourceNotFound("analytics part", part);
    }

    private static void row(StringBuilder out, String table, Object key, Object... values) {
        out.append(table).append(',').append(ViewAnswers.field(key));
        for (Object value : values) {
            out.append(',').append(ViewAnswers.field(value));
        }
        out.append('\n');
    }
}
