package com.storyloop.console.practice.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.storyloop.console.practice.application.QuestionChoices.QuestionChoice;
import com.storyloop.console.web.JsonFields;

/**
 * A loop as the running page shows it (from GET /api/loops/{id}): every interview and slot with its principle, proposed
 * story and state, and which slot is being run now. The slot's state only decides which form to offer; whether the
 * command is allowed is still the practice service's call (a refused command comes back as a problem).
 */
public final class LoopRun {

    /** How far a slot has come; a self-practice slot is done once answered, an interviewed one once rated. */
    public enum SlotState {
        NOT_ASKED("Not asked yet"), ASKED("Asked, waiting for the answer"), ANSWERED("Answered"), RATED("Answered and rated");

        private final String text;

        SlotState(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Speaking rate and fillers: the practice service returns them with the answer only, so they are shown when known. */
    public record Measures(Integer wordsPerMinute, Integer fillerWords, String rubricVersion) {
    }

    public record LoopPage(String loopId, String clientId, boolean selfPractice, boolean completed, long version, List<InterviewRun> interviews,
                           String currentKey, List<String> warnings, List<String> unfilledSlots) {

        public SlotRun slot(String key) {
            for (InterviewRun interview : interviews) {
                for (SlotRun slot : interview.slots()) {
                    if (slot.key().equals(key)) {
                        return slot;
                    }
                }
            }
            return null;
        }

        public SlotRun currentSlot() {
            return currentKey == null ? null : slot(currentKey);
        }

        public int slotCount() {
            return interviews.stream().mapToInt(i -> i.slots().size()).sum();
        }

        public long slotsDone() {
            return interviews.stream().flatMap(i -> i.slots().stream()).filter(SlotRun::done).count();
        }

        /** "1 of 4 questions done (answered and rated)." */
        public String progressText() {
            return slotsDone() + " of " + Wording.count(slotCount(), "question", "questions") + " done"
                    + (selfPractice ? " (answered)." : " (answered and rated).");
        }
    }

    public record InterviewRun(int number, String role, boolean barRaiser, List<SlotRun> slots) {
    }

    public record SlotRun(int interviewIndex, int slotIndex, String principle, String principleTitle, String proposedStoryId, String proposedStoryTitle,
                          String gap, String suggestedQuestionId, SlotState state, boolean done, boolean current, String questionId, String questionText,
                          AnswerView answer, List<ProbeView> probes, String rating, String interviewerId, String notes,
                          List<QuestionChoice> questionChoices, List<String> probesToOffer) {

        public String key() {
            return interviewIndex + "-" + slotIndex;
        }

        public int interviewNumber() {
            return interviewIndex + 1;
        }

        public int questionNumber() {
            return slotIndex + 1;
        }

        public String ratingText() {
            return Wording.words(rating);
        }

        /**
         * The form fields this slot shows in its state (as the services name them), so a refusal about one of them is
         * shown beside it and any other refusal above the slot: no message is lost.
         */
        public java.util.Set<String> fieldsShown(boolean selfPractice, boolean completed) {
            if (completed) {
                return java.util.Set.of();
            }
            switch (state) {
                case NOT_ASKED:
                    return current ? java.util.Set.of("questionId") : java.util.Set.of();
                case ASKED:
                    return java.util.Set.of("storyId", "durationSeconds", "transcript");
                case ANSWERED:
                    return selfPractice ? java.util.Set.of("text") : java.util.Set.of("text", "rating");
                default:
                    return java.util.Set.of();
            }
        }
    }

    public record AnswerView(String storyId, String storyTitle, int storyRevision, int durationSeconds, String timing, boolean timingFlagged,
                             List<String> flags, String transcript, Measures measures) {

        public String durationText() {
            return Wording.clock(durationSeconds) + " (" + durationSeconds + " s)";
        }

        public String timingText() {
            return Wording.timing(timing);
        }
    }

    public record ProbeView(String text, String response, String outcome) {
    }

    private LoopRun() {
    }

    /**
     * @param questionsFor the bank's questions for a principle; asked only for the slots that need them (the picker of the
     *                     current slot, the probes of an answered one)
     * @param measures     what the service measured on answers given just now, by slot key ("0-1")
     */
    public static LoopPage from(Map<String, Object> loop, StoryChoices stories, Function<String, List<QuestionChoice>> questionsFor,
                                Map<String, Measures> measures) {
        boolean selfPractice = "SELF_PRACTICE".equals(JsonFields.text(loop, "mode"));
        boolean completed = JsonFields.flag(loop, "completed");
        Map<String, Map<String, Object>> asked = new LinkedHashMap<>();
        for (Map<String, Object> question : JsonFields.objects(loop, "questions")) {
            asked.put(JsonFields.integer(question, "interviewIndex") + "-" + JsonFields.integer(question, "slotIndex"), question);
        }
        Map<String, Object> suggested = JsonFields.object(loop, "suggestedQuestions");
        List<InterviewRun> interviews = new ArrayList<>();
        String currentKey = null;
        for (Map<String, Object> interview : JsonFields.objects(loop, "interviews")) {
            int interviewIndex = orZero(JsonFields.integer(interview, "interviewIndex"));
            List<SlotRun> slots = new ArrayList<>();
            for (Map<String, Object> slot : JsonFields.objects(interview, "slots")) {
                int slotIndex = orZero(JsonFields.integer(slot, "slotIndex"));
                String key = interviewIndex + "-" + slotIndex;
                Map<String, Object> question = asked.get(key);
                SlotState state = stateOf(question);
                boolean done = state == SlotState.RATED || (selfPractice && state == SlotState.ANSWERED);
                boolean current = !completed && !done && currentKey == null;
                if (current) {
                    currentKey = key;
                }
                String principle = JsonFields.text(slot, "principle");
                String proposed = JsonFields.text(slot, "proposedStoryId");
                String suggestedId = JsonFields.text(slot, "suggestedQuestionId");
                String questionId = question == null ? null : JsonFields.text(question, "questionId");
                String questionText = question == null ? JsonFields.text(JsonFields.object(suggested, suggestedId == null ? "" : suggestedId), "text")
                        : JsonFields.text(question, "text");
                List<QuestionChoice> choices = !completed && current && state == SlotState.NOT_ASKED ? questionsFor.apply(principle) : List.of();
                List<ProbeView> probes = probes(question);
                List<String> toOffer = !completed && state == SlotState.ANSWERED ? probesToOffer(questionsFor.apply(principle), questionId, probes,
                        JsonFields.object(suggested, questionId == null ? "" : questionId)) : List.of();
                slots.add(new SlotRun(interviewIndex, slotIndex, principle, Wording.principle(principle), proposed, stories.titleOf(proposed),
                        proposed == null ? Wording.plain(orDefault(JsonFields.text(slot, "unfilledReason"), "no story could be proposed"), stories) : null, suggestedId, state, done,
                        current, questionId, questionText, answer(question, stories, measures.get(key)), probes,
                        question == null ? null : JsonFields.text(question, "rating"), question == null ? null : JsonFields.text(question, "interviewerId"),
                        question == null ? null : JsonFields.text(question, "notes"), choices, toOffer));
            }
            interviews.add(new InterviewRun(interviewIndex + 1, orDefault(JsonFields.text(interview, "interviewerRole"), "Interviewer"),
                    JsonFields.flag(interview, "barRaiser"), List.copyOf(slots)));
        }
        Integer version = JsonFields.integer(loop, "version");
        return new LoopPage(JsonFields.text(loop, "loopId"), JsonFields.text(loop, "clientId"), selfPractice, completed, version == null ? 0 : version,
                List.copyOf(interviews), currentKey, plain(JsonFields.texts(loop, "warnings"), stories), plain(JsonFields.texts(loop, "unfilledSlots"), stories));
    }

    static SlotState stateOf(Map<String, Object> question) {
        if (question == null) {
            return SlotState.NOT_ASKED;
        }
        if (JsonFields.object(question, "answer").isEmpty()) {
            return SlotState.ASKED;
        }
        return JsonFields.text(question, "rating") == null ? SlotState.ANSWERED : SlotState.RATED;
    }

    private static AnswerView answer(Map<String, Object> question, StoryChoices stories, Measures measures) {
        Map<String, Object> answer = question == null ? Map.of() : JsonFields.object(question, "answer");
        if (answer.isEmpty()) {
            return null;
        }
        String storyId = JsonFields.text(answer, "storyId");
        return new AnswerView(storyId, stories.titleOf(storyId), orZero(JsonFields.integer(answer, "storyRevision")),
                orZero(JsonFields.integer(answer, "durationSeconds")), JsonFields.text(question, "timing"), JsonFields.flag(question, "timingFlagged"),
                JsonFields.texts(answer, "flags").stream().map(Wording::words).toList(), JsonFields.text(answer, "transcript"), measures);
    }

    private static List<ProbeView> probes(Map<String, Object> question) {
        List<ProbeView> probes = new ArrayList<>();
        for (Map<String, Object> probe : JsonFields.objects(question, "probes")) {
            probes.add(new ProbeView(JsonFields.text(probe, "text"), JsonFields.text(probe, "response"), Wording.probeOutcome(probe.get("handledWell"))));
        }
        return List.copyOf(probes);
    }

    /** The asked question's follow-up probes not yet asked; from the bank, or from the plan's suggestion if the bank no longer lists it. */
    private static List<String> probesToOffer(List<QuestionChoice> bank, String questionId, List<ProbeView> asked, Map<String, Object> suggestion) {
        List<String> all = bank.stream().filter(q -> q.questionId().equals(questionId)).findFirst().map(QuestionChoice::probes)
                .orElse(JsonFields.texts(suggestion, "probes"));
        List<String> askedTexts = asked.stream().map(ProbeView::text).toList();
        return all.stream().filter(p -> !askedTexts.contains(p)).toList();
    }

    private static List<String> plain(List<String> messages, StoryChoices stories) {
        return messages.stream().map(m -> Wording.plain(m, stories)).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
