package com.storyloop.console.roster.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One client on a coach's roster: who, for which role, when the interview is, and how ready they are now (the latest
 * readiness point of the client's timeline; nulls while nothing has been scored yet).
 */
public record RosterRow(String clientId, String coachId, String targetRole, String targetLevel, LocalDate interviewDate, Long daysLeft,
                        Integer readiness, Integer storiesAtPass, Integer activeStories) {

    public static RosterRow of(Map<String, Object> client, Map<String, Object> timeline, LocalDate today) {
        LocalDate interview = client.get("interviewDate") == null ? null : LocalDate.parse(client.get("interviewDate").toString());
        Map<?, ?> latest = latestReadiness(timeline);
        return new RosterRow(text(client.get("clientId")), text(client.get("coachId")), text(client.get("targetRole")),
                text(client.get("targetLevel")), interview, interview == null ? null : ChronoUnit.DAYS.between(today, interview),
                number(latest, "readiness"), number(latest, "storiesAtPass"), number(latest, "activeStories"));
    }

    /** "in 12 days", "today", "3 days ago", or "not set". */
    public String interviewWhen() {
        if (daysLeft == null) {
            return "not set";
        }
        if (daysLeft == 0) {
            return "today";
        }
        return daysLeft > 0 ? "in " + daysLeft + (daysLeft == 1 ? " day" : " days") : -daysLeft + (daysLeft == -1 ? " day ago" : " days ago");
    }

    private static Map<?, ?> latestReadiness(Map<String, Object> timeline) {
        Object points = timeline.get("points");
        if (!(points instanceof List)) {
            return Map.of();
        }
        List<?> list = (List<?>) points;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) instanceof Map && "READINESS".equals(((Map<?, ?>) list.get(i)).get("kind"))) {
                return (Map<?, ?>) list.get(i);
            }
        }
        return Map.of();
    }

    private static Integer number(Map<?, ?> values, String key) {
        Object value = values.get(key);
        return value instanceof Number ? ((Number) value).intValue() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
