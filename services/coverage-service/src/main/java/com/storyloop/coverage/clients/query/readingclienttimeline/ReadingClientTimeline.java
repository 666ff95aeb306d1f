package com.storyloop.coverage.clients.query.readingclienttimeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.clients.adapter.in.kafka.PracticeRatingsProjection;
import com.storyloop.coverage.principles.adapter.in.kafka.PrincipleCoverageProjection;
import com.storyloop.coverage.principles.adapter.out.postgres.FactRows;
import com.storyloop.coverage.principles.domain.ClientHistory;
import com.storyloop.coverage.principles.domain.ClientHistory.ReadinessPoint;
import com.storyloop.eventing.consumer.EventConsumer;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * GET /api/clients/{clientId}/timeline: readiness and stories at PASS over time (kind READINESS: the bank after everything
 * that happened at each instant, folded from the coverage facts in the order the events happened, so arrival order,
 * redelivery and rebuilds do not change it) and interviewer ratings over time (kind RATING, 1-4), oldest first, with the interview date on the same
 * axis; JSON or {@code Accept: text/csv}. consumerLag sums the lag of the projections it reads.
 */
@RestController
class ReadingClientTimeline {

    record Point(Instant at, String kind, Integer readiness, Integer storiesAtPass, Integer activeStories, String rating, Integer ratingScore,
                 String loopId) {
    }

    record ClientTimelineView(String clientId, LocalDate interviewDate, List<Point> points, long consumerLag) {
    }

    private static final Set<String> GROUPS = Set.of(PrincipleCoverageProjection.GROUP, PracticeRatingsProjection.GROUP);

    private final JdbcTemplate jdbc;
    private final EventingLifecycle eventing;

    ReadingClientTimeline(JdbcTemplate jdbc, EventingLifecycle eventing) {
        this.jdbc = jdbc;
        this.eventing = eventing;
    }

    @GetMapping("/api/clients/{clientId}/timeline")
    ResponseEntity<?> timeline(@PathVariable String clientId, @RequestHeader(value = "Accept", required = false) String accept) {
        List<Point> points = new ArrayList<>();
        for (ReadinessPoint p : ClientHistory.readinessSeries(FactRows.forClient(jdbc, clientId))) {
            points.add(new Point(p.at(), "READINESS", p.readiness(), p.storiesAtPass(), p.activeStories(), null, null, null));
        }
        points.addAll(jdbc.query("""
                select at, rating, rating_score, loop_id from client_practice_rating where client_id = ? order by at, event_id
                """, (rs, i) -> new Point(rs.getTimestamp(1).toInstant(), "RATING", null, null, null, rs.getString(2),
                (Integer) rs.getObject(3), rs.getString(4)), clientId));
        List<LocalDate> interview = jdbc.query("select interview_date from client_directory where client_id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), clientId);
        if (points.isEmpty() && interview.isEmpty()) {
            throw new ResourceNotFound("client", clientId);
        }
        points.sort(Comparator.comparing(Point::at)); // stable: a readiness point before a rating at the same instant
        LocalDate interviewDate = interview.isEmpty() ? null : interview.get(0);
        long lag = 0;
        for (EventConsumer consumer : eventing.consumers()) {
            if (GROUPS.contains(consumer.group())) {
                lag += consumer.lag();
            }
        }
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("at,kind,readiness,storiesAtPass,activeStories,rating,ratingScore,loopId,interviewDate\n");
            for (Point p : points) {
                csv.append(p.at()).append(',').append(p.kind()).append(',').append(blank(p.readiness())).append(',').append(blank(p.storiesAtPass()))
                        .append(',').append(blank(p.activeStories())).append(',').append(blank(p.rating())).append(',').append(blank(p.ratingScore()))
                        .append(',').append(blank(p.loopId())).append(',').append(blank(interviewDate)).append('\n');
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
