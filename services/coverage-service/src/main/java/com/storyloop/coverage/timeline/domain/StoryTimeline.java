package com.storyloop.coverage.timeline.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A story's progress revision by revision, with the attribution of score moves to the edit and regression alerts:
 * LOST_METRIC (the Result lost its numbers, or NO_MEASURABLE_RESULT appeared), WE_IS_BACK (ROYAL_WE appeared),
 * BELOW_ACTION_RESULT_SHARE (Action + Result fell under 60% of the words), PAST_LENGTH_TARGET (the spoken estimate went past
 * 3 minutes). Pure: the same revisions and scores give the same timeline.
 */
public final class StoryTimeline {

    public static final double ACTION_RESULT_TARGET = 0.6;
    public static final int LENGTH_TARGET_SECONDS = 180;
    private static final Pattern NUMBER = Pattern.compile("\\d");

    private StoryTimeline() {
    }

    /** Scores may contain several rubric versions per revision; the last one given for a revision is shown. */
    public static List<TimelinePoint> of(List<RevisionText> revisions, List<RevisionScore> scores) {
        Map<Integer, RevisionScore> byRevision = new HashMap<>();
        scores.forEach(s -> byRevision.put(s.revision(), s));
        TreeMap<Integer, RevisionText> ordered = new TreeMap<>();
        revisions.forEach(r -> ordered.put(r.revision(), r));
        List<TimelinePoint> points = new ArrayList<>();
        RevisionText previousText = null;
        RevisionScore previousScore = null;
        for (RevisionText text : ordered.values()) {
            RevisionScore score = byRevision.get(text.revision());
            List<String> sectionsChanged = new ArrayList<>();
            int wordsChanged = 0;
            if (previousText != null) {
                for (String section : RevisionText.SECTIONS) {
                    if (!previousText.section(section).equals(text.section(section))) {
                        sectionsChanged.add(section);
                    }
                }
                wordsChanged = wordsChanged(previousText.whole(), text.whole());
            }
            List<String> introduced = new ArrayList<>();
            List<String> resolved = new ArrayList<>();
            Map<String, Integer> moves = new LinkedHashMap<>();
            List<String> alerts = new ArrayList<>();
            if (score != null && previousScore != null) {
                for (String flag : new TreeSet<>(score.flags())) {
                    if (!previousScore.flags().contains(flag)) {
                        introduced.add(flag);
                    }
                }
                for (String flag : new TreeSet<>(previousScore.flags())) {
                    if (!score.flags().contains(flag)) {
                        resolved.add(flag);
                    }
                }
                for (String dimension : new TreeSet<>(score.dimensions().keySet())) {
                    Integer before = previousScore.dimensions().get(dimension);
                    int move = before == null ? 0 : score.dimensions().get(dimension) - before;
                    if (move != 0) {
                        moves.put(dimension, move);
                    }
                }
                if (introduced.contains("NO_MEASURABLE_RESULT")) {
                    alerts.add("LOST_METRIC");
                }
                if (introduced.contains("ROYAL_WE")) {
                    alerts.add("WE_IS_BACK");
                }
                if (score.actionResultShare() < ACTION_RESULT_TARGET && previousScore.actionResultShare() >= ACTION_RESULT_TARGET) {
                    alerts.add("BELOW_ACTION_RESULT_SHARE");
                }
                if (score.speakingSeconds() > LENGTH_TARGET_SECONDS && previousScore.speakingSeconds() <= LENGTH_TARGET_SECONDS) {
                    alerts.add("PAST_LENGTH_TARGET");
                }
            }
            if (previousText != null && !alerts.contains("LOST_METRIC") && hasNumber(resultOf(previousText)) && !hasNumber(resultOf(text))) {
                alerts.add(0, "LOST_METRIC");
            }
            points.add(new TimelinePoint(text.revision(), text.at(), score == null ? null : score.overall(), score == null ? null : score.verdict(),
                    score == null ? null : score.rubricVersion(), score == null ? Map.of() : new TreeMap<>(score.dimensions()),
                    score == null ? List.of() : List.copyOf(new TreeSet<>(score.flags())), List.copyOf(introduced), List.copyOf(resolved),
                    wordsChanged, List.copyOf(sectionsChanged), moves, List.copyOf(alerts)));
            previousText = text;
            if (score != null) {
                previousScore = score;
            }
        }
        return List.copyOf(points);
    }

    private static String resultOf(RevisionText text) {
        return text.sections().containsKey("TEXT") ? text.section("TEXT") : text.section("RESULT");
    }

    private static boolean hasNumber(String text) {
        return NUMBER.matcher(text).find();
    }

    /** Words added plus words removed, counting repeated words (a bag-of-words difference, order ignored). */
    static int wordsChanged(String before, String after) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words(before)) {
            counts.merge(w, 1, Integer::sum);
        }
        for (String w : words(after)) {
            counts.merge(w, -1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Math::abs).sum();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
