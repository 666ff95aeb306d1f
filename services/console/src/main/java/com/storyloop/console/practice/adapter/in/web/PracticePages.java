package com.storyloop.console.practice.adapter.in.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.storyloop.console.practice.application.LoopRun;
import com.storyloop.console.practice.application.LoopSummaries;
import com.storyloop.console.practice.application.PastLoops;
import com.storyloop.console.practice.application.PlanCards;
import com.storyloop.console.practice.application.QuestionChoices;
import com.storyloop.console.practice.application.QuestionChoices.QuestionChoice;
import com.storyloop.console.practice.application.StoryChoices;
import com.storyloop.console.practice.application.Wording;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.services.ServiceCalls.Service;
import com.storyloop.console.services.ServiceProblem;
import com.storyloop.console.web.ConsolePage;
import com.storyloop.console.web.Viewer;

/**
 * Practice pages: plan a loop (the planner's assignment and warnings), start it, and run it slot by slot (ask, answer
 * against the timer, probe, rate, complete). Every rule is the practice service's: a refusal is shown next to the field it
 * names, in the page's words. Each form posts plainly (then back to the loop page); with htmx only the slot is swapped.
 */
@ConsolePage
class PracticePages {

    private static final String HTMX = "HX-Request";

    /** The plan form's fields, by the names the practice service gives them in a refusal. */
    private static final java.util.Set<String> PLAN_FIELDS = java.util.Set.of("interviews", "questionsPerInterview");

    /** A slot's fields by the service's names, as a refusal names them when the field is not on the screen. */
    private static final Map<String, String> FIELD_LABELS = Map.of("questionId", "Question", "storyId", "Story", "durationSeconds",
            "Length of the answer", "transcript", "Transcript", "text", "Probe", "rating", "Rating", "interviewerId", "Interviewer", "notes", "Notes");

    private final ServiceCalls calls;

    PracticePages(ServiceCalls calls) {
        this.calls = calls;
    }

    /** What the plan form sends; kept as text so a wrong entry comes back to the form instead of a 400 page. */
    static final class PlanForm {
        private String interviews = "4";
        private String perInterview = "2";
        private boolean barRaiser = true;
        private boolean selfPractice;

        public String getInterviews() {
            return interviews;
        }

        public void setInterviews(String interviews) {
            this.interviews = interviews;
        }

        public String getPerInterview() {
            return perInterview;
        }

        public void setPerInterview(String perInterview) {
            this.perInterview = perInterview;
        }

        public boolean isBarRaiser() {
            return barRaiser;
        }

        public void setBarRaiser(boolean barRaiser) {
            this.barRaiser = barRaiser;
        }

        public boolean isSelfPractice() {
            return selfPractice;
        }

        public void setSelfPractice(boolean selfPractice) {
            this.selfPractice = selfPractice;
        }
    }

    // ---- planning ------------------------------------------------------------------------------------------------

    @GetMapping("/clients/{clientId}/practice")
    String practice(@PathVariable String clientId, @ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model) {
        PlanForm form = new PlanForm();
        // a client signed in on their own practises alone: no interviewer to rate the answers
        form.setSelfPractice(viewer != null && viewer.client() && !viewer.seesRoster());
        return practicePage(clientId, form, model);
    }

    @PostMapping("/clients/{clientId}/practice/plan")
    String plan(@PathVariable String clientId, @ModelAttribute("form") PlanForm form, @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
                @RequestHeader(name = HTMX, required = false) String htmx, HttpServletResponse response, Model model) {
        StoryChoices stories = bank(clientId);
        Map<String, String> errors = formErrors(form);
        if (errors.isEmpty()) {
            try {
                Map<String, Object> plan = calls.asCurrentUser().post(Service.PRACTICE, "/api/loop-plans", planBody(viewer, clientId, form), Map.of()).object();
                model.addAttribute("plan", PlanCards.from(plan, stories));
            } catch (ServiceProblem problem) {
                errors = refusal(problem, stories, response);
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("errors", errors);
        if ("true".equals(htmx)) {
            planFormLimits(clientId, model);
            return "practice/practice :: planner";
        }
        return practicePage(clientId, form, model);
    }

    @PostMapping("/clients/{clientId}/practice/loops")
    String start(@PathVariable String clientId, @ModelAttribute("form") PlanForm form, @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
                 HttpServletResponse response, Model model) {
        Map<String, String> errors = formErrors(form);
        if (errors.isEmpty()) {
            try {
                ServiceCalls.Reply started = calls.asCurrentUser().post(Service.PRACTICE, "/api/loops", planBody(viewer, clientId, form), Map.of());
                return "redirect:" + loopPath(String.valueOf(started.object().get("loopId")));
            } catch (ServiceProblem problem) {
                errors = refusal(problem, bank(clientId), response);
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("errors", errors);
        return practicePage(clientId, form, model);
    }

    /** The limits the form states as a hint (the practice service's LoopFormat); the service still checks them. */
    private static void planFormLimits(String clientId, Model model) {
        model.addAttribute("clientId", clientId);
        model.addAttribute("maxInterviews", 8);
        model.addAttribute("maxPerInterview", 4);
    }

    private String practicePage(String clientId, PlanForm form, Model model) {
        planFormLimits(clientId, model);
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        List<PastLoops.PastLoop> past;
        try {
            past = PastLoops.fromTimeline(calls.asCurrentUser().getObject(Service.COVERAGE, "/api/clients/{clientId}/timeline", clientId));
        } catch (ServiceProblem unavailable) {
            if (unavailable.status() == 403 || unavailable.status() == 404) {
                throw unavailable; // not this viewer's client: the page says so instead of offering a plan form
            }
            // otherwise the list of past loops is a convenience: planning works without it
            past = null;
        }
        model.addAttribute("pastLoops", past);
        return "practice/practice";
    }

    private static Map<String, Object> planBody(Viewer viewer, String clientId, PlanForm form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", viewer == null ? null : viewer.orgId());
        body.put("clientId", clientId);
        body.put("interviews", Integer.parseInt(form.getInterviews().trim()));
        body.put("questionsPerInterview", Integer.parseInt(form.getPerInterview().trim()));
        body.put("barRaiser", form.isBarRaiser());
        body.put("mode", form.isSelfPractice() ? "SELF_PRACTICE" : "INTERVIEWED");
        return body;
    }

    /** Only that the entries are whole numbers; how many interviews a loop may have is the service's rule. */
    private static Map<String, String> formErrors(PlanForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!wholeNumber(form.getInterviews())) {
            errors.put("interviews", "Enter the number of interviews as a whole number, for example 4.");
        }
        if (!wholeNumber(form.getPerInterview())) {
            errors.put("questionsPerInterview", "Enter the number of principles per interview as a whole number, for example 2.");
        }
        return errors;
    }

    private static boolean wholeNumber(String value) {
        return value != null && value.trim().matches("\\d{1,3}");
    }

    // ---- running ------------------------------------------------------------------------------------------------

    @GetMapping("/loops/{loopId}")
    String loop(@PathVariable String loopId, @RequestParam(required = false) String measured, @RequestParam(required = false) Integer wpm,
                @RequestParam(required = false) Integer fillers, Model model) {
        Map<String, LoopRun.Measures> measures = new HashMap<>();
        if (measured != null && (wpm != null || fillers != null)) {
            measures.put(measured, new LoopRun.Measures(wpm, fillers, null));
        }
        LoopContext context = load(loopId, measures);
        context.fill(model);
        if (context.page.completed()) {
            model.addAttribute("summary", LoopSummaries.fromLoop(context.page));
        }
        return "practice/loop";
    }

    @PostMapping("/loops/{loopId}/slots/{interview}/{slot}/question")
    String ask(@PathVariable String loopId, @PathVariable int interview, @PathVariable int slot, @RequestParam(defaultValue = "") String questionId,
               @RequestHeader(name = HTMX, required = false) String htmx, HttpServletResponse response, Model model) {
        Map<String, Object> body = slotBody(interview, slot);
        body.put("questionId", questionId);
        return command(loopId, interview, slot, "/api/loops/{loopId}/questions", body, Map.of("questionId", questionId), htmx, response, model);
    }

    @PostMapping("/loops/{loopId}/slots/{interview}/{slot}/answer")
    String answer(@PathVariable String loopId, @PathVariable int interview, @PathVariable int slot, @RequestParam(defaultValue = "") String storyId,
                  @RequestParam(defaultValue = "") String durationSeconds, @RequestParam(defaultValue = "") String transcript,
                  @RequestHeader(name = HTMX, required = false) String htmx, HttpServletResponse response, Model model) {
        Map<String, String> entered = Map.of("storyId", storyId, "durationSeconds", durationSeconds, "transcript", transcript);
        StoryChoices stories = null;
        Map<String, String> errors = new LinkedHashMap<>();
        if (!durationSeconds.trim().matches("\\d{1,5}")) {
            errors.put("durationSeconds", "Enter how long the answer took in whole seconds, for example 150 (the timer fills this in).");
        }
        Map<String, Object> body = slotBody(interview, slot);
        body.put("storyId", storyId);
        if (!storyId.isBlank()) {
            // the answer records the story's revision as it is now: read it from the bank, not from the browser
            String clientId = String.valueOf(calls.asCurrentUser().getObject(Service.PRACTICE, "/api/loops/{loopId}", loopId).get("clientId"));
            stories = bank(clientId);
            java.util.Optional<StoryChoices.StoryChoice> told = stories.find(storyId);
            if (told.isPresent()) {
                body.put("storyRevision", told.get().revision());
            } else {
                errors.put("storyId", "That story is not in the client's bank (any more): choose one from the list.");
            }
        } else {
            errors.put("storyId", "Choose the story the answer told.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return slotView(loopId, interview, slot, errors, null, entered, Map.of(), htmx, model);
        }
        body.put("durationSeconds", Integer.parseInt(durationSeconds.trim()));
        if (!transcript.isBlank()) {
            body.put("transcript", transcript);
        }
        ServiceCalls.Reply reply;
        try {
            reply = calls.asCurrentUser().post(Service.PRACTICE, "/api/loops/{loopId}/answers", body, Map.of(), loopId);
        } catch (ServiceProblem problem) {
            return refusedInSlot(loopId, interview, slot, problem, entered, htmx, response, model);
        }
        Map<String, Object> answered = reply.object();
        LoopRun.Measures measures = new LoopRun.Measures(number(answered.get("wordsPerMinute")), number(answered.get("fillerWords")),
                answered.get("rubricVersion") == null ? null : String.valueOf(answered.get("rubricVersion")));
        String key = interview + "-" + slot;
        if (!"true".equals(htmx)) {
            UriComponentsBuilder back = UriComponentsBuilder.fromPath(loopPath(loopId));
            if (measures.wordsPerMinute() != null) {
                back.queryParam("measured", key).queryParam("wpm", measures.wordsPerMinute()).queryParam("fillers", measures.fillerWords());
            }
            return "redirect:" + back.fragment("slot-" + key).build().toUriString();
        }
        return slotView(loopId, interview, slot, Map.of(), null, Map.of(), Map.of(key, measures), htmx, model);
    }

    @PostMapping("/loops/{loopId}/slots/{interview}/{slot}/probe")
    String probe(@PathVariable String loopId, @PathVariable int interview, @PathVariable int slot, @RequestParam(defaultValue = "") String text,
                 @RequestParam(defaultValue = "") String handledWell, @RequestParam(defaultValue = "") String probeResponse,
                 @RequestHeader(name = HTMX, required = false) String htmx, HttpServletResponse response, Model model) {
        Map<String, Object> body = slotBody(interview, slot);
        body.put("text", text);
        if (!probeResponse.isBlank()) {
            body.put("response", probeResponse);
        }
        if ("yes".equals(handledWell) || "no".equals(handledWell)) {
            body.put("handledWell", "yes".equals(handledWell));
        }
        return command(loopId, interview, slot, "/api/loops/{loopId}/probes", body, Map.of("text", text), htmx, response, model);
    }

    @PostMapping("/loops/{loopId}/slots/{interview}/{slot}/rating")
    String rate(@PathVariable String loopId, @PathVariable int interview, @PathVariable int slot, @RequestParam(defaultValue = "") String rating,
                @RequestParam(defaultValue = "") String interviewerId, @RequestParam(defaultValue = "") String notes,
                @ModelAttribute(name = "viewer", binding = false) Viewer viewer, @RequestHeader(name = HTMX, required = false) String htmx, HttpServletResponse response,
                Model model) {
        if (rating.isBlank()) {
            response.setStatus(400);
            return slotView(loopId, interview, slot, Map.of("rating", "Choose a rating."), null,
                    Map.of("rating", rating, "interviewerId", interviewerId, "notes", notes), Map.of(), htmx, model);
        }
        Map<String, Object> body = slotBody(interview, slot);
        body.put("rating", rating);
        body.put("interviewerId", interviewerId.isBlank() && viewer != null ? viewer.subject() : interviewerId);
        if (!notes.isBlank()) {
            body.put("notes", notes);
        }
        return command(loopId, interview, slot, "/api/loops/{loopId}/ratings", body,
                Map.of("rating", rating, "interviewerId", interviewerId, "notes", notes), htmx, response, model);
    }

    @PostMapping("/loops/{loopId}/completion")
    String complete(@PathVariable String loopId, @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        Map<String, Object> completed = calls.asCurrentUser().post(Service.PRACTICE, "/api/loops/{loopId}/completion", null, Map.of(), loopId).object();
        LoopContext context = load(loopId, Map.of());
        context.fill(model);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = completed.get("summary") instanceof Map ? (Map<String, Object>) completed.get("summary") : null;
        model.addAttribute("summary", summary == null ? LoopSummaries.fromLoop(context.page) : LoopSummaries.fromCompletion(summary, context.stories));
        model.addAttribute("justCompleted", true);
        // no redirect after completing: the service's summary (with its warnings) is in this answer only
        return "true".equals(htmx) ? "practice/loop :: loop-main" : "practice/loop";
    }

    /** Sends one slot command; on success back to the loop (plain form) or the changed slots (htmx). */
    private String command(String loopId, int interview, int slot, String apiPath, Map<String, Object> body, Map<String, String> entered, String htmx,
                           HttpServletResponse response, Model model) {
        try {
            calls.asCurrentUser().post(Service.PRACTICE, apiPath, body, Map.of(), loopId);
        } catch (ServiceProblem problem) {
            return refusedInSlot(loopId, interview, slot, problem, entered, htmx, response, model);
        }
        if (!"true".equals(htmx)) {
            return "redirect:" + loopPath(loopId) + "#slot-" + interview + "-" + slot;
        }
        return slotView(loopId, interview, slot, Map.of(), null, Map.of(), Map.of(), htmx, model);
    }

    /**
     * A refused command: the service's words, next to the field they name, with what was entered kept. Only refusals about
     * the input are shown in the slot; "not found" or "not allowed" is the page-wide problem as everywhere in the console.
     */
    private String refusedInSlot(String loopId, int interview, int slot, ServiceProblem problem, Map<String, String> entered, String htmx,
                                 HttpServletResponse response, Model model) {
        if (problem.status() != 400 && problem.status() != 409 && problem.status() != 412 && problem.status() != 422) {
            throw problem;
        }
        response.setStatus(problem.status());
        return slotView(loopId, interview, slot, problem.fieldErrors(), problem.detail(), entered, Map.of(), htmx, model);
    }

    private String slotView(String loopId, int interview, int slot, Map<String, String> rawErrors, String detail, Map<String, String> entered,
                            Map<String, LoopRun.Measures> measures, String htmx, Model model) {
        LoopContext context = load(loopId, measures);
        context.fill(model);
        String key = interview + "-" + slot;
        LoopRun.SlotRun acted = context.page.slot(key);
        java.util.Set<String> shown = acted == null ? java.util.Set.of() : acted.fieldsShown(context.page.selfPractice(), context.page.completed());
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> elsewhere = new java.util.ArrayList<>();
        rawErrors.forEach((field, message) -> {
            if (shown.contains(field)) {
                errors.put(field, Wording.plain(message, context.stories));
            } else {
                elsewhere.add(Wording.plain(FIELD_LABELS.containsKey(field) ? FIELD_LABELS.get(field) + ": " + message : message, context.stories));
            }
        });
        // the service's summary line only when it named no field (beside a field's own message, "Invalid input" adds nothing)
        if (detail != null && rawErrors.isEmpty()) {
            elsewhere.add(Wording.plain(detail, context.stories));
        }
        model.addAttribute("errorSlot", errors.isEmpty() && elsewhere.isEmpty() ? null : key);
        model.addAttribute("errors", errors);
        // each message once: beside its field when the slot shows that field, above the slot otherwise
        model.addAttribute("slotProblem", elsewhere.isEmpty() ? null : String.join(" ", elsewhere));
        model.addAttribute("entered", entered);
        String sentDuration = entered.getOrDefault("durationSeconds", "").trim();
        model.addAttribute("keptDuration", sentDuration.matches("\\d{1,5}") ? Integer.valueOf(sentDuration) : null);
        if (!"true".equals(htmx)) {
            return "practice/loop";
        }
        // the slot acted on, and (out of band) the slot that is now current, so the next step appears without a reload
        model.addAttribute("actedSlot", acted);
        LoopRun.SlotRun current = context.page.currentSlot();
        model.addAttribute("nextSlot", current != null && !current.key().equals(key) ? current : null);
        // keyboard users continue where the next step is: the slot acted on if it still has a step (or a refusal), else the new current slot
        boolean actedHasStep = acted != null && (!errors.isEmpty() || elsewhere.size() > 0 || acted.state() == LoopRun.SlotState.ASKED
                || (acted.state() == LoopRun.SlotState.ANSWERED && !context.page.selfPractice()));
        model.addAttribute("focusSlot", actedHasStep ? key : current == null ? null : current.key());
        return "practice/slot :: changed-slots";
    }

    private record LoopContext(LoopRun.LoopPage page, StoryChoices stories) {

        void fill(Model model) {
            model.addAttribute("loop", page);
            model.addAttribute("stories", stories.all());
            model.addAttribute("ratings", Wording.ratingChoices());
            model.addAttribute("timingHint", Wording.timingHint());
            model.addAttribute("overSeconds", Wording.FLAG_ABOVE_SECONDS);
            model.addAttribute("targetBand", Wording.targetBand());
            if (!model.containsAttribute("errors")) {
                model.addAttribute("errors", Map.of());
                model.addAttribute("entered", Map.of());
            }
        }
    }

    private LoopContext load(String loopId, Map<String, LoopRun.Measures> measures) {
        Map<String, Object> loop = calls.asCurrentUser().getObject(Service.PRACTICE, "/api/loops/{loopId}", loopId);
        StoryChoices stories = bank(String.valueOf(loop.get("clientId")));
        Map<String, List<QuestionChoice>> byPrinciple = new HashMap<>();
        Function<String, List<QuestionChoice>> questionsFor = principle -> byPrinciple.computeIfAbsent(principle,
                p -> QuestionChoices.fromPage(calls.asCurrentUser().getObject(Service.PRACTICE, "/api/questions?principle={p}&size=50", p)));
        return new LoopContext(LoopRun.from(loop, stories, questionsFor, measures), stories);
    }

    private StoryChoices bank(String clientId) {
        return StoryChoices.fromBank(calls.asCurrentUser().getObject(Service.STORY, "/api/clients/{clientId}/bank", clientId));
    }

    /** A refusal of the plan: messages by field (in the page's words), the rest as one message; not-found and forbidden go to the error page. */
    private static Map<String, String> refusal(ServiceProblem problem, StoryChoices stories, HttpServletResponse response) {
        if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
            throw problem;
        }
        response.setStatus(problem.status());
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> elsewhere = new java.util.ArrayList<>();
        problem.fieldErrors().forEach((field, message) -> {
            if (PLAN_FIELDS.contains(field)) {
                errors.put(field, Wording.plain(message, stories));
            } else if (!message.equals(problem.detail())) {
                elsewhere.add(Wording.plain(message, stories));
            }
        });
        // the detail only when no field shows the reason: beside its field it would be said twice
        if (errors.isEmpty()) {
            elsewhere.add(0, Wording.plain(problem.detail(), stories));
        }
        if (!elsewhere.isEmpty()) {
            errors.put("form", String.join(" ", elsewhere));
        }
        return errors;
    }

    private static Map<String, Object> slotBody(int interview, int slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interviewIndex", interview);
        body.put("slotIndex", slot);
        return body;
    }

    private static Integer number(Object value) {
        return value instanceof Number ? ((Number) value).intValue() : null;
    }

    private static String loopPath(String loopId) {
        return UriComponentsBuilder.fromPath("/loops/{loopId}").buildAndExpand(loopId).encode().toUriString();
    }
}
