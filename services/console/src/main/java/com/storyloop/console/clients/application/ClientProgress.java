package com.storyloop.console.clients.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;
import com.storyloop.console.web.LineChart;

/**
 * The client timeline as one chart: readiness (0-100) and stories at PASS over time, practice ratings (1-4, right axis)
 * where loops were rated, and the interview date as a marked point at its place on the same axis.
 */
public final class ClientProgress {

    /** Enough history to read a trend without drawing thousands of points. */
    static final int MAX_POINTS = 200;

    private ClientProgress() {
    }

    public static LineChart chart(String id, Map<String, Object> timeline) {
        List<Map<String, Object>> points = JsonFields.objects(timeline, "points");
        if (points.size() > MAX_POINTS) {
            points = points.subList(points.size() - MAX_POINTS, points.size());
        }
        String interview = JsonFields.text(timeline, "interviewDate");
        List<String> labels = new ArrayList<>();
        List<Number> readiness = new ArrayList<>();
        List<Number> atPass = new ArrayList<>();
        List<Number> ratings = new ArrayList<>();
        Integer marker = null;
        for (Map<String, Object> point : points) {
            String at = JsonFields.text(point, "at");
            if (interview != null && marker == null && at != null && at.substring(0, 10).compareTo(interview) > 0) {
                marker = addInterview(labels, readiness, atPass, ratings, interview);
            }
            labels.add(at == null ? "" : at.substring(0, Math.min(16, at.length())).replace('T', ' '));
            boolean practice = "PRACTICE".equals(point.get("kind")) || point.get("ratingScore") != null;
            readiness.add(practice ? null : JsonFields.integer(point, "readiness"));
            atPass.add(practice ? null : JsonFields.integer(point, "storiesAtPass"));
            ratings.add(JsonFields.integer(point, "ratingScore"));
        }
        if (interview != null && marker == null) {
            marker = addInterview(labels, readiness, atPass, ratings, interview);
        }
        List<LineChart.Series> series = List.of(
                new LineChart.Series("readiness (0-100)", readiness, "y", true, false),
                new LineChart.Series("stories at PASS", atPass, "y", false, false),
                new LineChart.Series("practice rating (1-4)", ratings, "y2", false, false));
        LineChart chart = LineChart.of(id, "Readiness, stories at PASS and practice ratings over time", labels, series, "time (UTC)", "readiness",
                0, 100).withSecondAxis("practice rating", 0, 4);
        return marker == null ? chart : chart.withMarker(marker, "interview " + interview);
    }

    private static int addInterview(List<String> labels, List<Number> readiness, List<Number> atPass, List<Number> ratings, String interview) {
        labels.add(LocalDate.parse(interview) + " interview");
        readiness.add(null);
        atPass.add(null);
        ratings.add(null);
        return labels.size() - 1;
    }
}
