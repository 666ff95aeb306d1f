package com.storyloop.coverage.clients.query.readingclienttimeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.clients.adapter.in.kafka.PracticeRatingsProjection;
import com.storyloop.coverage.principles.adapter.in.kafka.PrincipleCoverageProjection;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.security.caller.Caller;

/**
 * GET /api/clients/{clientId}/timeline: readiness and stories at PASS over time (kind READINESS: the bank after everything
 * that happened at each instant, folded from the coverage facts in the order the events happened, so arrival order,
 * redelivery and rebuilds do not change it) and interviewer ratings over time (kind RATING, 1-4), oldest first, with the interview date on the same
 * axis; JSON or {@code Accept: text/csv}. consumerLag sums the lag of the projections it reads.
 */
@RestController
class ReadingClientTimeline {

    record ClientTimelineView(String clientId, LocalDate interviewDate, List<ClientTimelineQuery.Point> points, long consumerLag) {
    }

    private static final Set<String> GROUPS = Set.of(PrincipleCoverageProjection.GROUP, PracticeRatingsProjection.GROUP);

    private final ClientTimelineQuery query;
    private final EventingLifecycle eventing;

    ReadingClientTimeline(ClientTimelineQuery query, EventingLifecycle eventing) {
        this.query = query;
        this.eventing = eventing;
    }

    @GetMapping("/api/clients/{clientId}/timeline")
    ResponseEntity<?> timeline(@PathVariable String clientId, @RequestHeader(value = "Accept", required = false) String accept, Caller caller) {
        ClientTimelineQuery.Timeline timeline = query.read(caller, clientId);
        List<ClientTimelineQuery.Point> points = timeline.points();
        LocalDate interviewDate = timeline.interviewDate();
        long lag = eventing.lag(GROUPS);
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,"
                    + "meanRatingScore,abandoned,interviewDate\n");
            for (ClientTimelineQuery.Point p : points) {
                csv.append(p.at()).append(',').append(p.kind()).append(',').append(blank(p.readiness())).append(',').append(blank(p.overall()))
                        .append(',').append(blank(p.storiesAtPass()))
                        .append(',').append(blank(p.activeStories())).append(',').append(blank(p.rating())).append(',').append(blank(p.ratingScore()))
                        .append(',').append(blank(p.loopId())).append(',').append(blank(p.answers())).append(',').append(blank(p.answersInTargetTime()))
                        .append(',').append(blank(p.meanRatingScore())).append(',').append(blank(p.abandoned())).append(',').append(blank(interviewDate))
                        .append('\n');
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).header("X-Consumer-Lag", Long.toString(lag)).body(csv.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Consumer-Lag", Long.toString(lag))
                .body(new ClientTimelineView(clientId, interviewDate, points, lag));
    }

    private static String blank(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
