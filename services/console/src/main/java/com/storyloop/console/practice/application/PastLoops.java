package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

/**
 * The client's past loops as far as the coverage timeline knows them: each interviewer rating is a point carrying its
 * loop id, so a loop appears once it has a rating (self-practice loops, which have none, do not).
 */
public final class PastLoops {

    public record PastLoop(String loopId, String firstRatedAt, String lastRatedAt, List<String> ratings) {

        public String ratingsText() {
            return String.join(", ", ratings.stream().map(Wording::words).toList());
        }
    }

    private PastLoops() {
    }

    /** From GET /api/clients/{clientId}/timeline; newest loop first. */
    public static List<PastLoop> fromTimeline(Map<String, Object> timeline) {
        Map<String, List<Map<String, Object>>> byLoop = new LinkedHashMap<>();
        for (Map<String, Object> point : JsonFields.objects(timeline, "points")) {
            String loopId = JsonFields.text(point, "loopId");
            if (loopId != null && "RATING".equals(JsonFields.text(point, "kind"))) {
                byLoop.computeIfAbsent(loopId, id -> new ArrayList<>()).add(point);
            }
        }
        List<PastLoop> loops = new ArrayList<>();
        byLoop.forEach((loopId, points) -> {
            List<String> ratings = points.stream().map(p -> JsonFields.text(p, "rating")).filter(r -> r != null).toList();
            loops.add(new PastLoop(loopId, shortTime(JsonFields.text(points.get(0), "at")), shortTime(JsonFields.text(points.get(points.size() - 1), "at")),
                    ratings));
        });
        // ISO-8601 instants sort by time as text
        loops.sort(Comparator.comparing(PastLoop::lastRatedAt, Comparator.nullsFirst(Comparator.<String>naturalOrder())).reversed());
        return List.copyOf(loops);
    }

    /** "2026-11-26T01:23:35.829Z" reads "2026-11-26 01:23 UTC". */
    static String shortTime(String instant) {
        if (instant == null || instant.length() < 16) {
            return instant;
        }
        return instant.substring(0, 10) + " " + instant.substring(11, 16) + " UTC";
    }
}
