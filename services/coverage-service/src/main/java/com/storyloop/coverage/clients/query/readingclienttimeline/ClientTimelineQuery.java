package com.storyloop.coverage.clients.query.readingclienttimeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.principles.adapter.out.postgres.FactRows;
import com.storyloop.coverage.principles.domain.ClientHistory;
import com.storyloop.coverage.principles.domain.ClientHistory.ReadinessPoint;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * A client's timeline as the caller may see it (the client, their coach, an org admin). Every table is read with the
 * caller's org id, so the readiness fold never takes in another organisation's facts even when a client id is reused there.
 */
@Component
class ClientTimelineQuery {

    /**
     * READINESS after a story or scoring event (overall: the mean overall score of the active stories); RATING, an
     * interviewer's rating of one answer; LOOP, a completed practice loop (self-practice too): answers, how many in the 2-3
     * minute target, the mean rating (1-4) when it was rated.
     */
    record Point(Instant at, String kind, Integer readiness, Double overall, Integer storiesAtPass, Integer activeStories, String rating,
                 Integer ratingScore, String loopId, Integer answers, Integer answersInTargetTime, Double meanRatingScore, Boolean abandoned) {

        static Point readiness(ReadinessPoint p) {
            return new Point(p.at(), "READINESS", p.readiness(), p.overall(), p.storiesAtPass(), p.activeStories(), null, null, null, null, null, null,
                    null);
        }
    }

    record Timeline(List<Point> points, LocalDate interviewDate) {
    }

    private final JdbcTemplate jdbc;
    private final Access access;

    ClientTimelineQuery(JdbcTemplate jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    Timeline read(Caller caller, String clientId) {
        String orgId = caller.orgId();
        access.requireClient(caller, orgId, clientId, "client", clientId);
        List<Point> points = new ArrayList<>();
        for (ReadinessPoint p : ClientHistory.readinessSeries(FactRows.forClient(jdbc, orgId, clientId))) {
            points.add(Point.readiness(p));
        }
        points.addAll(jdbc.query("""
                select at, rating, rating_score, loop_id from client_practice_rating where org_id = ? and client_id = ? order by at, event_id
                """, (rs, i) -> new Point(rs.getTimestamp(1).toInstant(), "RATING", null, null, null, null, rs.getString(2),
                (Integer) rs.getObject(3), rs.getString(4), null, null, null, null), orgId, clientId));
        points.addAll(jdbc.query("""
                select at, loop_id, answers_given, answers_in_target, mean_rating_score, abandoned from client_practice_loop
                 where org_id = ? and client_id = ? order by at, event_id
                """, (rs, i) -> new Point(rs.getTimestamp(1).toInstant(), "LOOP", null, null, null, null, null, null, rs.getString(2), rs.getInt(3),
                rs.getInt(4), (Double) rs.getObject(5), rs.getBoolean(6)), orgId, clientId));
        List<LocalDate> interview = jdbc.query("select interview_date from client_directory where org_id = ? and client_id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), orgId, clientId);
        if (points.isEmpty() && interview.isEmpty()) {
            throw new ResourceNotFound("client", clientId);
        }
        points.sort(Comparator.comparing(Point::at)); // stable: a readiness point before a rating at the same instant
        return new Timeline(points, interview.isEmpty() ? null : interview.get(0));
    }
}
