package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

/**
 * The client's past loops as far as the coverage timeline knows them: each interviewer rating is a point carrying its
 * loop id, and so is each completed loop (self-practice ones too, which have no ratings), with its answers and how many
 * were in the 2-3 minute target.
 */
public final class PastLoops {

    /** {@code outcome}: null while the loop is not completed. */
    public record PastLoop(String loopId, String firstAt, String lastAt, List<String> ratings, String outcome) {

        public String ratingsText() {
            return ratings.isEmpty() ? "none" : String.join(", ", ratings.stream().map(Wording::words).toList());
        }

        public String outcomeText() {
            return outcome == null ? "not completed" : outcome;
        }
    }

    private PastLoops() {
    }

    /** From GET /api/clients/{clientId}/timeline; newest loop first. */
    public static List<PastLoop> fromTimeline(Map<String, Object> timeline) {
        Map<String, List<Map<String, Object>>> byLoop = new LinkedHashMap<>();
        for (Map<String, Object> point : JsonFields.objects(timeline, "points")) {
            String loopId = JsonFields.text(point, "loopId");
            String kind = JsonFields.text(point, "kind");
            if (loopId != null && ("RATING".equals(kind) || "LOOP".equals(kind))) {
                byLoop.computeIfAbsent(loopId, id -> new ArrayList<>()).add(point);
            }
        }
        List<PastLoop> loops = new ArrayList<>();
        byLoop.forEach((loopId, points) -> {
            List<String> ratings = points.stream().filter(p -> "RATING".equals(JsonFields.text(p, "kind"))).map(p -> JsonFields.text(p, "rating"))
                    .filter(r -> r != null).toList();
            String outcome = points.stream().filter(p -> "LOOP".equals(JsonFields.text(p, "kind"))).map(PastLoops::outcome).reduce((a, b) -> b)
                    .orElse(null);
            loops.add(new PastLoop(loopId, shortTime(JsonFields.text(points.get(0), "at")), shortTime(JsonFields.text(points.get(points.size() - 1), "at")),
                    ratings, outcome));
        });
        // ISO-8601 instants sort by time as text
        loops.sort(Comparator.comparing(PastLoop::lastAt, Comparator.nullsFirst(Comparator.<String>naturalOrder())).reversed());
        return List.copyOf(loops);
    }

    /** "completed: 3 answers, 2 in 2-3 minutes" (or "stopped early: ..."). */
    private static String outcome(Map<String, Object> loop) {
        Integer answers = JsonFields.integer(loop, "answers");
        Integer inTarget = JsonFields.integer(loop, "answersInTargetTime");
        boolean abandoned = Boolean.TRUE.equals(loop.get("abandoned"));
        return (abandoned ? "stopped early" : "completed") + ": " + (answers == null ? 0 : answers) + (answers != null && answers == 1 ? " answer" : " answers")
                + ", " + (inTarget == null ? 0 : inTarget) + " in 2-3 minutes";
    }

    /** "2026-11-26T01:23:35.829Z" reads "2026-11-26 01:23 UTC". */
    static String shortTime(String instant) {
        if (instant == null || instant.length() < 16) {
            return instant;
        }
        return instant.substring(0, 10) + " " + instant.substring(11, 16) + " UTC";
    }
}
