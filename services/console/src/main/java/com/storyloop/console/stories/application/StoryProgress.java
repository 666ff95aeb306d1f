package com.storyloop.console.stories.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.storyloop.console.web.JsonFields;
import com.storyloop.console.web.LineChart;

import static com.storyloop.console.web.JsonFields.integer;
import static com.storyloop.console.web.JsonFields.object;
import static com.storyloop.console.web.JsonFields.objects;
import static com.storyloop.console.web.JsonFields.text;
import static com.storyloop.console.web.JsonFields.texts;

/**
 * A story's history: every revision story-service knows, joined with the score coverage-service recorded for it, and
 * the change in overall score each edit caused. Scoring is asynchronous, so a fresh revision may have no score yet: it
 * is listed as waiting rather than left out.
 */
public record StoryProgress(String storyId, List<HistoryRow> rows, LineChart chart) {

    /** One revision, newest first in {@link #rows()}; score fields are null while it waits for scoring. */
    public record HistoryRow(int revision, String when, String note, Integer wordCount, Integer overall, String verdict, Integer change,
                             List<String> flagsResolved, List<String> flagsIntroduced, Integer wordsChanged) {

        public boolean scored() {
            return overall != null;
        }

        /** "+19", "−3" (a real minus sign), "±0"; empty for the first revision or when a score is missing. */
        public String changeText() {
            if (change == null) {
                return "";
            }
            if (change > 0) {
                return "+" + change;
            }
            return change < 0 ? "\u2212" + (-change) : "\u00b10";
        }

        /** "up", "down" or "same": a class for the arrow, the text above carries the meaning. */
        public String changeDirection() {
            if (change == null || change == 0) {
                return "same";
            }
            return change > 0 ? "up" : "down";
        }

        /** Spoken form of the change, for screen readers and tooltips. */
        public String changeWords() {
            if (change == null) {
                return revision == 1 ? "first revision" : "no comparison";
            }
            if (change == 0) {
                return "no change in overall score";
            }
            return (change > 0 ? "up " : "down ") + Math.abs(change) + " points from revision " + (revision - 1);
        }

        public boolean hasPrevious() {
            return revision > 1;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * @param story    story-service's view of the story (its {@code revisions} list)
     * @param timeline coverage-service's timeline ({@code points}), or an empty map when it could not be read
     */
    public static StoryProgress of(String storyId, Map<String, Object> story, Map<String, Object> timeline) {
        Map<Integer, Map<String, Object>> points = new LinkedHashMap<>();
        for (Map<String, Object> point : objects(timeline, "points")) {
            Integer revision = integer(point, "revision");
            if (revision != null) {
                points.put(revision, point);
            }
        }
        Map<Integer, Map<String, Object>> revisions = new LinkedHashMap<>();
        for (Map<String, Object> revision : objects(story, "revisions")) {
            Integer number = integer(revision, "revision");
            if (number != null) {
                revisions.put(number, revision);
            }
        }
        // a revision the timeline knows but the story's list does not (read a moment apart) is still shown
        Set<Integer> numbers = new java.util.TreeSet<>(revisions.keySet());
        numbers.addAll(points.keySet());

        List<HistoryRow> rows = new ArrayList<>();
        for (int number : numbers) {
            Map<String, Object> revision = revisions.getOrDefault(number, Map.of());
            Map<String, Object> point = points.get(number);
            Map<String, Object> previous = points.get(number - 1);
            Integer overall = point == null ? null : integer(point, "overall");
            Integer before = previous == null ? null : integer(previous, "overall");
            Integer change = overall != null && before != null ? overall - before : null;
            String at = text(revision, "revisedAt") != null ? text(revision, "revisedAt") : text(point, "at");
            rows.add(new HistoryRow(number, when(at), text(revision, "note"), integer(revision, "wordCount"), overall,
                    point == null ? null : text(point, "verdict"), change,
                    point == null ? List.of() : texts(point, "flagsResolved"), point == null ? List.of() : texts(point, "flagsIntroduced"),
                    point == null || number == 1 ? null : integer(point, "wordsChanged")));
        }
        rows.sort(Comparator.comparingInt(HistoryRow::revision).reversed());
        return new StoryProgress(storyId, rows, chart(storyId, points));
    }

    /** True while a revision still waits for its score: the page then asks again shortly. */
    public boolean waitingForScores() {
        for (HistoryRow row : rows) {
            if (!row.scored()) {
                return true;
            }
        }
        return false;
    }

    /** The row of one revision, or null when it is not known (yet). */
    public HistoryRow row(int revision) {
        for (HistoryRow row : rows) {
            if (row.revision() == revision) {
                return row;
            }
        }
        return null;
    }

    /** "Overall 54 → 73 (+19)" between two revisions, or null while either has no score. */
    public String scoreChange(int from, int to) {
        HistoryRow a = row(from);
        HistoryRow b = row(to);
        if (a == null || b == null || !a.scored() || !b.scored()) {
            return null;
        }
        int change = b.overall() - a.overall();
        String signed = change > 0 ? "+" + change : change < 0 ? "\u2212" + (-change) : "\u00b10";
        return "Overall " + a.overall() + " \u2192 " + b.overall() + " (" + signed + ")";
    }

    public HistoryRow latest() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Overall (0-100) on the left axis, drawn bold; the nine dimensions (0-5) on the right, hidden until picked in the legend. */
    static LineChart chart(String storyId, Map<Integer, Map<String, Object>> points) {
        List<Integer> numbers = new ArrayList<>(points.keySet());
        numbers.sort(Comparator.naturalOrder());
        List<String> labels = new ArrayList<>();
        List<Number> overall = new ArrayList<>();
        Set<String> dimensionNames = new LinkedHashSet<>();
        for (int number : numbers) {
            labels.add(String.valueOf(number));
            overall.add(integer(points.get(number), "overall"));
            dimensionNames.addAll(object(points.get(number), "dimensions").keySet());
        }
        List<String> ordered = new ArrayList<>(dimensionNames);
        ordered.sort(Comparator.comparingInt(RubricPreview::dimensionRank).thenComparing(Comparator.naturalOrder()));
        List<LineChart.Series> series = new ArrayList<>();
        series.add(new LineChart.Series("Overall", overall, "y", true, false));
        for (String name : ordered) {
            List<Number> values = new ArrayList<>();
            for (int number : numbers) {
                values.add(integer(object(points.get(number), "dimensions"), name));
            }
            series.add(new LineChart.Series(RubricPreview.humanize(name), values, "y2", false, true));
        }
        return LineChart.of("story-progress-chart", "Score by revision", labels, series, "revision", "overall (0-100)", 0, 100)
                .withSecondAxis("dimension (0-5)", 0, 5);
    }

    static String when(String isoInstant) {
        if (isoInstant == null) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException unreadable) {
            return isoInstant;
        }
    }
}
