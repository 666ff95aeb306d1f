package com.storyloop.coverage.timeline.query.readingstorytimeline;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.timeline.adapter.in.kafka.StoryTimelineProjection;
import com.storyloop.coverage.timeline.domain.TimelinePoint;
import com.storyloop.coverage.views.ViewAnswers;
import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.security.caller.Caller;

/**
 * GET /api/stories/{storyId}/timeline: one point per revision (overall, verdict, dimensions, flags introduced and resolved,
 * words and sections changed, dimension moves, regression alerts), as JSON or with {@code Accept: text/csv} as CSV;
 * consumerLag says how far behind the log the view is.
 */
@RestController
class ReadingStoryTimeline {

    record TimelineView(String storyId, List<TimelinePoint> points, long consumerLag) {
    }

    private final StoryTimelineQuery query;
    private final EventingLifecycle eventing;

    ReadingStoryTimeline(StoryTimelineQuery query, EventingLifecycle eventing) {
        this.query = query;
        this.eventing = eventing;
    }

    @GetMapping("/api/stories/{storyId}/timeline")
    ResponseEntity<?> timeline(@PathVariable String storyId, @RequestHeader(value = "Accept", required = false) String accept, Caller caller) {
        List<TimelinePoint> points = query.read(caller, storyId);
        long lag = lag();
        if (ViewAnswers.wantsCsv(accept)) {
            return ViewAnswers.csv(csv(points), lag);
        }
        return ViewAnswers.json(new TimelineView(storyId, points, lag), lag);
    }

    private long lag() {
        return eventing.lag(List.of(StoryTimelineProjection.GROUP));
    }

    /** {@code RESULT:+2;AGENCY:-1}: which dimensions this revision moved, and by how much. */
    private static String moves(Map<String, Integer> moves) {
        if (moves == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        moves.forEach((dimension, move) -> out.append(out.length() == 0 ? "" : ";").append(dimension).append(':').append(move > 0 ? "+" : "").append(move));
        return out.toString();
    }

    private static String csv(List<TimelinePoint> points) {
        StringBuilder csv = new StringBuilder("revision,at,overall,verdict,rubricVersion");
        for (Dimension d : Dimension.values()) {
            csv.append(',').append(d.name());
        }
        csv.append(",wordsChanged,sectionsChanged,dimensionMoves,flagsIntroduced,flagsResolved,alerts\n");
        for (TimelinePoint p : points) {
            csv.append(p.revision()).append(',').append(p.at()).append(',').append(p.overall() == null ? "" : p.overall()).append(',')
                    .append(p.verdict() == null ? "" : p.verdict()).append(',').append(p.rubricVersion() == null ? "" : p.rubricVersion()).append(',');
            for (Dimension d : Dimension.values()) {
                Integer score = p.dimensions() == null ? null : p.dimensions().get(d.name());
                csv.append(score == null ? "" : score).append(',');
            }
            csv.append(p.wordsChanged()).append(',').append(String.join(";", p.sectionsChanged())).append(',')
                    .append(moves(p.dimensionMoves())).append(',')
                    .append(String.join(";", p.flagsIntroduced())).append(',').append(String.join(";", p.flagsResolved())).append(',')
                    .append(String.join(";", p.alerts())).append('\n');
        }
        return csv.toString();
    }
}
