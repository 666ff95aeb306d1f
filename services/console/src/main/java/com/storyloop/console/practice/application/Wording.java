package com.storyloop.console.practice.application;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.storyloop.console.web.Principles;

/**
 * The words a page shows for the services' codes: principle titles, ratings, answer timing. Only wording lives here; the
 * practice service decides which band an answer falls in (the console has no copy of the rules, only their description).
 */
public final class Wording {

    /** The 2-3 minute answer target and the flag limits, as the practice loop rules describe them (rubric.md). */
    public static final int FLAG_BELOW_SECONDS = 90;
    public static final int TARGET_FROM_SECONDS = 120;
    public static final int TARGET_TO_SECONDS = 180;
    public static final int FLAG_ABOVE_SECONDS = 240;

    /** The interviewer's four-point scale, weakest first, as the practice service names it. */
    public static final List<String> RATINGS = List.of("STRONGLY_NOT_INCLINED", "NOT_INCLINED", "INCLINED", "STRONGLY_INCLINED");

    /** The rating scale as a form offers it: code to words, weakest first. */
    public static Map<String, String> ratingChoices() {
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        RATINGS.forEach(rating -> choices.put(rating, words(rating)));
        return choices;
    }

    /** The services count interviews and slots from 0 in their messages; pages count them from 1. */
    private static final Pattern SLOT_REFERENCE = Pattern.compile("(?i)\\binterview (\\d+), slot (\\d+)");

    private Wording() {
    }

    /**
     * A service's message as the page reads it: story ids become titles, principle and rating codes words, and
     * "interview 0, slot 1" the "interview 1, question 2" the page shows. The sense of the message is left as the service wrote it.
     */
    public static String plain(String message, StoryChoices stories) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (StoryChoices.StoryChoice story : stories.all()) {
            text = text.replace("Story " + story.storyId(), "The story \"" + story.title() + "\"").replace(story.storyId(), "\"" + story.title() + "\"");
        }
        for (String principle : Principles.CODES) {
            text = text.replaceAll("\\b" + principle + "\\b", Matcher.quoteReplacement(Principles.name(principle)));
        }
        for (String rating : RATINGS) {
            text = text.replaceAll("\\b" + rating + "\\b", Matcher.quoteReplacement(words(rating).toLowerCase(Locale.ROOT)));
        }
        Matcher slot = SLOT_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String interview = slot.group().substring(0, 1).equals("I") ? "Interview " : "interview ";
            slot.appendReplacement(out, interview + (Integer.parseInt(slot.group(1)) + 1) + ", question " + (Integer.parseInt(slot.group(2)) + 1));
        }
        slot.appendTail(out);
        return out.toString();
    }

    /** "Customer Obsession" for CUSTOMER_OBSESSION; an unknown code (a principle added later) reads as its words. */
    public static String principle(String code) {
        if (code == null) {
            return "";
        }
        return Principles.CODES.contains(code) ? Principles.name(code) : words(code);
    }

    /** STRONGLY_NOT_INCLINED reads "Strongly not inclined". */
    public static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String lower = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Seconds as a clock, "2:05", the way the timer shows them. */
    public static String clock(Integer seconds) {
        if (seconds == null || seconds < 0) {
            return "";
        }
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** The practice service's timing band (AnswerTiming) in words, with the band's limits so the text stands alone. */
    public static String timing(String band) {
        if (band == null) {
            return "";
        }
        switch (band) {
            case "TOO_SHORT":
                return "Too short: under " + FLAG_BELOW_SECONDS + " s (flagged)";
            case "SHORT":
                return "Short: " + FLAG_BELOW_SECONDS + "-" + (TARGET_FROM_SECONDS - 1) + " s, under the " + targetBand() + " target";
            case "ON_TARGET":
                return "On target: " + targetBand();
            case "LONG":
                return "Long: " + (TARGET_TO_SECONDS + 1) + "-" + FLAG_ABOVE_SECONDS + " s, over the " + targetBand() + " target";
            case "TOO_LONG":
                return "Too long: over " + FLAG_ABOVE_SECONDS + " s (flagged)";
            default:
                return words(band);
        }
    }

    /** "1 question", "3 questions". */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    public static String targetBand() {
        return TARGET_FROM_SECONDS + "-" + TARGET_TO_SECONDS + " s";
    }

    /** The hint beside the timer. */
    public static String timingHint() {
        return "Aim for " + targetBand() + " (2-3 minutes); under " + FLAG_BELOW_SECONDS + " s or over " + FLAG_ABOVE_SECONDS
                + " s is flagged.";
    }

    /** handledWell as a person would say it. */
    public static String probeOutcome(Object handledWell) {
        if (Boolean.TRUE.equals(handledWell)) {
            return "handled well";
        }
        if (Boolean.FALSE.equals(handledWell)) {
            return "handled poorly";
        }
        return "not judged";
    }
}
