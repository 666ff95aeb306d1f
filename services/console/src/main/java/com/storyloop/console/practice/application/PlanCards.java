package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.storyloop.console.web.JsonFields;

/**
 * Turns the planner's answer (POST /api/loop-plans) into one card per interview: each slot with its principle, the
 * proposed story by title, the bank question it suggests, the reason when no story could be proposed, and the warnings
 * that name that slot. Warnings about the loop as a whole (one story answering too many questions) stay loop-wide.
 */
public final class PlanCards {

    /** The planner names a slot as "Interview 2, question 1 (OWNERSHIP): ..." (both counted from 1). */
    private static final Pattern SLOT_WARNING = Pattern.compile("^Interview (\\d+), question (\\d+) \\(([A-Z_]+)\\):\\s*(.*)$", Pattern.DOTALL);

    public record PlanView(List<InterviewCard> interviews, List<String> loopWarnings, int warningCount, int gapCount) {

        public boolean fillable() {
            return gapCount == 0;
        }

        /** "4 interviews; 3 warnings; 1 question without a story." */
        public String totalsText() {
            return Wording.count(interviews.size(), "interview", "interviews") + "; " + Wording.count(warningCount, "warning", "warnings") + "; "
                    + Wording.count(gapCount, "question", "questions") + " without a story.";
        }
    }

    public record InterviewCard(int number, String role, boolean barRaiser, List<SlotCard> slots) {
    }

    public record SlotCard(String key, int interviewNumber, int questionNumber, String principle, String principleTitle, String storyTitle,
                           String gap, List<String> warnings, String questionText) {

        public boolean filled() {
            return gap == null;
        }
    }

    private PlanCards() {
    }

    public static PlanView from(Map<String, Object> plan, StoryChoices stories) {
        Map<String, List<String>> warningsBySlot = new LinkedHashMap<>();
        Map<String, List<String>> asWritten = new LinkedHashMap<>();
        List<String> loopWarnings = new ArrayList<>();
        List<String> warnings = JsonFields.texts(plan, "warnings");
        for (String warning : warnings) {
            Matcher slot = SLOT_WARNING.matcher(warning);
            if (slot.matches()) {
                String key = (Integer.parseInt(slot.group(1)) - 1) + "-" + (Integer.parseInt(slot.group(2)) - 1);
                warningsBySlot.computeIfAbsent(key, k -> new ArrayList<>()).add(Wording.plain(slot.group(4), stories));
                asWritten.computeIfAbsent(key, k -> new ArrayList<>()).add(Wording.plain(warning, stories));
            } else {
                loopWarnings.add(Wording.plain(warning, stories));
            }
        }
        Map<String, Object> suggested = JsonFields.object(plan, "suggestedQuestions");
        List<InterviewCard> cards = new ArrayList<>();
        int gaps = 0;
        for (Map<String, Object> interview : JsonFields.objects(plan, "interviews")) {
            int interviewIndex = orZero(JsonFields.integer(interview, "interviewIndex"));
            List<SlotCard> slots = new ArrayList<>();
            for (Map<String, Object> slot : JsonFields.objects(interview, "slots")) {
                int slotIndex = orZero(JsonFields.integer(slot, "slotIndex"));
                String key = interviewIndex + "-" + slotIndex;
                String principle = JsonFields.text(slot, "principle");
                String storyId = JsonFields.text(slot, "proposedStoryId");
                String gap = storyId == null ? Wording.plain(orDefault(JsonFields.text(slot, "unfilledReason"), "no story could be proposed"), stories) : null;
                if (gap != null) {
                    gaps++;
                }
                String questionText = JsonFields.text(JsonFields.object(suggested, orDefault(JsonFields.text(slot, "suggestedQuestionId"), "")), "text");
                // a warning the planner attached to a slot that the answer does not list is still shown, loop-wide
                slots.add(new SlotCard(key, interviewIndex + 1, slotIndex + 1, principle, Wording.principle(principle), stories.titleOf(storyId), gap,
                        List.copyOf(warningsBySlot.getOrDefault(key, List.of())), questionText));
                warningsBySlot.remove(key);
            }
            cards.add(new InterviewCard(interviewIndex + 1, orDefault(JsonFields.text(interview, "interviewerRole"), "Interviewer"),
                    JsonFields.flag(interview, "barRaiser"), List.copyOf(slots)));
        }
        warningsBySlot.keySet().forEach(key -> loopWarnings.addAll(asWritten.get(key)));
        return new PlanView(List.copyOf(cards), List.copyOf(loopWarnings), warnings.size(), gaps);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
