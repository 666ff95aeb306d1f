package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.JsonFields;

/**
 * A completed loop per principle and per story. Right after completion the practice service's own summary is shown
 * (with its warnings); later the same tables are read back from the loop's recorded questions and answers.
 */
public final class LoopSummaries {

    public record SummaryView(boolean abandoned, int questionsAsked, int answersGiven, int answersInTargetTime, List<PrincipleRow> principles,
                              List<StoryRow> stories, List<String> warnings) {

        /** "3 questions asked, 3 answered, 1 in the 120-180 s target." */
        public String totalsText() {
            return Wording.count(questionsAsked, "question", "questions") + " asked, " + answersGiven + " answered, " + answersInTargetTime
                    + " in the " + Wording.targetBand() + " target.";
        }
    }

    public record PrincipleRow(String principleTitle, String storyTitle, Integer storyRevision, String ratingText, String durationText,
                               int probesAsked, int probesHandledPoorly, List<String> flags) {
    }

    public record StoryRow(String storyTitle, int answers, List<String> principleTitles) {
    }

    private LoopSummaries() {
    }

    /** From the "summary" of POST /api/loops/{id}/completion. */
    public static SummaryView fromCompletion(Map<String, Object> summary, StoryChoices stories) {
        List<PrincipleRow> principles = new ArrayList<>();
        for (Map<String, Object> outcome : JsonFields.objects(summary, "principles")) {
            principles.add(new PrincipleRow(Wording.principle(JsonFields.text(outcome, "principle")), stories.titleOf(JsonFields.text(outcome, "storyId")),
                    JsonFields.integer(outcome, "storyRevision"), ratingText(JsonFields.text(outcome, "rating")), durationText(JsonFields.integer(outcome, "durationSeconds")),
                    orZero(JsonFields.integer(outcome, "probesAsked")), orZero(JsonFields.integer(outcome, "probesHandledPoorly")),
                    JsonFields.texts(outcome, "flags").stream().map(Wording::words).toList()));
        }
        List<StoryRow> storyRows = new ArrayList<>();
        for (Map<String, Object> use : JsonFields.objects(summary, "storyUse")) {
            storyRows.add(new StoryRow(stories.titleOf(JsonFields.text(use, "storyId")), orZero(JsonFields.integer(use, "answers")),
                    JsonFields.texts(use, "principles").stream().map(Wording::principle).toList()));
        }
        return new SummaryView(JsonFields.flag(summary, "abandoned"), orZero(JsonFields.integer(summary, "questionsAsked")),
                orZero(JsonFields.integer(summary, "answersGiven")), orZero(JsonFields.integer(summary, "answersInTargetTime")), List.copyOf(principles),
                List.copyOf(storyRows), JsonFields.texts(summary, "warnings").stream().map(w -> Wording.plain(w, stories)).toList());
    }

    /** The same tables from a completed loop page: questions in interview order, stories in the order first used. */
    public static SummaryView fromLoop(LoopRun.LoopPage loop) {
        List<PrincipleRow> principles = new ArrayList<>();
        Map<String, List<String>> byStory = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        int asked = 0;
        int answered = 0;
        int inTarget = 0;
        for (LoopRun.InterviewRun interview : loop.interviews()) {
            for (LoopRun.SlotRun slot : interview.slots()) {
                if (slot.state() == LoopRun.SlotState.NOT_ASKED) {
                    continue;
                }
                asked++;
                LoopRun.AnswerView answer = slot.answer();
                int poorly = (int) slot.probes().stream().filter(p -> "handled poorly".equals(p.outcome())).count();
                principles.add(new PrincipleRow(slot.principleTitle(), answer == null ? null : answer.storyTitle(),
                        answer == null ? null : answer.storyRevision(), ratingText(slot.rating()), answer == null ? "" : durationText(answer.durationSeconds()),
                        slot.probes().size(), poorly, answer == null ? List.of() : answer.flags()));
                if (answer == null) {
                    continue;
                }
                answered++;
                // the band is the service's verdict on the answer; the console only counts it
                if ("ON_TARGET".equals(answer.timing())) {
                    inTarget++;
                }
                byStory.computeIfAbsent(answer.storyId(), id -> new ArrayList<>()).add(slot.principleTitle());
                titles.put(answer.storyId(), answer.storyTitle());
            }
        }
        List<StoryRow> stories = new ArrayList<>();
        byStory.forEach((storyId, used) -> stories.add(new StoryRow(titles.get(storyId), used.size(), List.copyOf(used))));
        return new SummaryView(answered < loop.slotCount(), asked, answered, inTarget, List.copyOf(principles), List.copyOf(stories), List.of());
    }

    private static String ratingText(String rating) {
        return rating == null ? "Not rated" : Wording.words(rating);
    }

    private static String durationText(Integer seconds) {
        return seconds == null ? "" : Wording.clock(seconds) + " (" + seconds + " s)";
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
