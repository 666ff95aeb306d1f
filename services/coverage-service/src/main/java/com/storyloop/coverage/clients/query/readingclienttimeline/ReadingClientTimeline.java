package com.storyloop.coverage.clients.query.readingclienttimeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.clients.adapter.in.kafka.PracticeRatingsProjection;
import com.storyloop.coverage.principles.adapter.in.kafka.PrincipleCoverageProjection;
import com.storyloop.coverage.views.ViewAnswers;
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
        if (ViewAnswers.wantsCsv(accept)) {
            StringBuilder csv = new StringBuilder("at,kind,readiness,overall,storiesAtPass,activeStories,rating,ratingScore,loopId,answers,answersInTargetTime,"
                    + "meanRatingScore,abandoned,interviewDate\n");
            for (ClientTimelineQuery.Point p : points) {
                csv.append(p.at()).append(',').append(p.kind()).append(',').append(ViewAnswers.field(p.readiness())).append(',').append(ViewAnswers.field(p.overall()))
                        .append(',').append(ViewAnswers.field(p.storiesAtPass()))
                        .append(',').append(ViewAnswers.field(p.activeStories())).append(',').append(ViewAnswers.field(p.rating())).append(',').append(ViewAnswers.field(p.ratingScore()))
                        .append(',').append(ViewAnswers.field(p.loopId())).append(',').append(ViewAnswers.field(p.answers())).append(',').append(ViewAnswers.field(p.answersInTargetTime()))
                        .append(',').append(ViewAnswers.field(p.meanRatingScore())).append(',').append(ViewAnswers.field(p.abandoned())).append(',').append(ViewAnswers.field(interviewDate))
                        .append('\n');
            }
            return ViewAnswers.csv(csv.toString(), lag);
        }
        return ViewAnswers.json(new ClientTimelineView(clientId, interviewDate, points, lag), lag);
    }
}
