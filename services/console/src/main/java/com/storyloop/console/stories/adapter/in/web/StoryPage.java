package com.storyloop.console.stories.adapter.in.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.storyloop.console.services.ServiceCalls.Service;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.services.ServiceProblem;
import com.storyloop.console.stories.application.DeepDiveDraft;
import com.storyloop.console.stories.application.EditorErrors;
import com.storyloop.console.stories.application.RubricPreview;
import com.storyloop.console.stories.application.SideBySideDiff;
import com.storyloop.console.stories.application.StoryDraft;
import com.storyloop.console.stories.application.StoryProgress;
import com.storyloop.console.web.ConsolePage;
import com.storyloop.console.web.JsonFields;
import com.storyloop.console.web.Principles;

/**
 * The story page: the STAR editor with its live rubric preview, saving a revision, the deep-dive appendix, the revision
 * history with the score change of each edit, and the side-by-side diff. Every rule is the services'; this page only
 * calls them with the viewer's token and lays out their answers. A refused save answers with the messages next to the
 * fields and never replaces the fields themselves, so the text being edited stays on the screen.
 */
@ConsolePage
class StoryPage {

    /** The editor's fields that can carry a message of their own; anything else is said above them. */
    static final List<String> EDITOR_FIELDS = List.of("title", "situation", "task", "action", "result", "text", "principles", "projectTag", "note");

    /** How often the history asks again for a revision still waiting for its score (about 2 s apart). */
    static final int MAX_SCORE_POLLS = 15;

    private final ServiceCalls calls;

    StoryPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/stories/{storyId}")
    String page(@PathVariable String storyId, @RequestParam(required = false) Integer saved, Model model) {
        Map<String, Object> story = calls.asCurrentUser().getObject(Service.STORY, "/api/stories/{id}", storyId);
        page(model, storyId, story, StoryDraft.of(story), EditorErrors.none(), DeepDiveDraft.of(story), EditorErrors.none());
        model.addAttribute("savedRevision", saved);
        return "stories/story";
    }

    /** The live preview: scores the text as it stands in the editor; nothing is stored. */
    @PostMapping("/stories/{storyId}/preview")
    String preview(@PathVariable String storyId, @ModelAttribute("draft") StoryDraft draft, BindingResult ignoredUnreadable, Model model) {
        score(model, draft);
        model.addAttribute("storyId", storyId);
        return "stories/story :: preview-body";
    }

    @PostMapping("/stories/{storyId}/revisions")
    String save(@PathVariable String storyId, @ModelAttribute("draft") StoryDraft draft, BindingResult ignoredUnreadable,
                @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response, Model model) {
        boolean fragment = "true".equals(htmx);
        ServiceCalls.Reply reply;
        try {
            reply = calls.asCurrentUser().post(Service.STORY, "/api/stories/{id}/revisions", draft.revisionBody(), ifMatch(draft.ifMatch()), storyId);
        } catch (ServiceProblem problem) {
            response.setStatus(problem.status());
            EditorErrors errors = EditorErrors.of(saveRefused(problem), problem.fieldErrors(), EDITOR_FIELDS);
            if (fragment) {
                model.addAttribute("storyId", storyId);
                model.addAttribute("errors", errors);
                model.addAttribute("oob", true);
                return "stories/responses :: save-refused";
            }
            // without htmx the whole page comes back, with the text exactly as submitted
            Map<String, Object> story = storyOrNothing(storyId, model);
            page(model, storyId, story, draft, errors, DeepDiveDraft.of(story), EditorErrors.none());
            return "stories/story";
        }
        Integer revision = JsonFields.integer(reply.object(), "revision");
        Integer version = JsonFields.integer(reply.object(), "version");
        if (!fragment) {
            // post/redirect/get: a reload does not save twice
            return "redirect:" + UriComponentsBuilder.fromPath("/stories/{id}").queryParam("saved", revision).buildAndExpand(storyId).encode().toUriString();
        }
        model.addAttribute("storyId", storyId);
        model.addAttribute("savedRevision", revision);
        model.addAttribute("version", version);
        model.addAttribute("draft", version == null ? draft : draft.savedAs(version));
        model.addAttribute("errors", EditorErrors.none());
        model.addAttribute("oob", true);
        Map<String, Object> story = storyOrNothing(storyId, model);
        model.addAttribute("story", story);
        progress(model, storyId, story, 0);
        return "stories/responses :: saved";
    }

    /** The history and the chart; the page asks again when the story changes (server-sent event) or a score is awaited. */
    @GetMapping("/stories/{storyId}/progress")
    String progress(@PathVariable String storyId, @RequestParam(defaultValue = "0") int attempt, Model model) {
        Map<String, Object> story = calls.asCurrentUser().getObject(Service.STORY, "/api/stories/{id}", storyId);
        model.addAttribute("storyId", storyId);
        progress(model, storyId, story, attempt);
        return "stories/story :: progress";
    }

    @GetMapping("/stories/{storyId}/diff")
    String diff(@PathVariable String storyId, @RequestParam(name = "from", required = false) String fromText,
                @RequestParam(name = "to", required = false) String toText, @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model) {
        // a hand-edited address ("from=abc") compares the defaults rather than failing: latest against the one before
        Integer from = revisionNumber(fromText);
        Integer to = revisionNumber(toText);
        ServiceCalls.As as = calls.asCurrentUser();
        Map<String, Object> diff = from == null && to == null
                ? as.getObject(Service.STORY, "/api/stories/{id}/diff", storyId)
                : as.getObject(Service.STORY, "/api/stories/{id}/diff?from={from}&to={to}", storyId, from == null ? "" : from, to == null ? "" : to);
        model.addAttribute("storyId", storyId);
        model.addAttribute("diff", SideBySideDiff.from(diff));
        model.addAttribute("scores", timelineOrNothing(storyId, model));
        Map<String, Object> story = as.getObject(Service.STORY, "/api/stories/{id}", storyId);
        model.addAttribute("story", story);
        model.addAttribute("revisions", JsonFields.objects(story, "revisions"));
        if ("true".equals(htmx)) {
            // the comparison lands where the reader is looking, and the compare form shows the pair being compared
            model.addAttribute("focusDiff", true);
            model.addAttribute("oob", true);
            return "stories/story :: diff-answer";
        }
        model.addAttribute("pageTitle", "Compare revisions");
        return "stories/diff";
    }

    /** Replaces the whole appendix; rows left blank are dropped, which is how a section is removed. */
    @PostMapping("/stories/{storyId}/deep-dive")
    String saveDeepDive(@PathVariable String storyId, @RequestParam(name = "sectionHeading", required = false) List<String> headings,
                        @RequestParam(name = "sectionText", required = false) List<String> texts,
                        @RequestParam(name = "version", required = false) Long version,
                        @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response, Model model) {
        boolean fragment = "true".equals(htmx);
        DeepDiveDraft draft = DeepDiveDraft.fromForm(headings, texts, version);
        try {
            ServiceCalls.Reply reply = calls.asCurrentUser().put(Service.STORY, "/api/stories/{id}/deep-dive", draft.body(), ifMatch(draft.ifMatch()), storyId);
            Integer newVersion = JsonFields.integer(reply.object(), "version");
            if (!fragment) {
                return "redirect:" + UriComponentsBuilder.fromPath("/stories/{id}").fragment("deep-dive").buildAndExpand(storyId).encode().toUriString();
            }
            model.addAttribute("storyId", storyId);
            model.addAttribute("version", newVersion);
            model.addAttribute("deepDive", new DeepDiveDraft(draft.sections(), newVersion == null ? null : newVersion.longValue()));
            model.addAttribute("appendix", draft.sections());
            model.addAttribute("deepDiveErrors", EditorErrors.none());
            model.addAttribute("deepDiveSaved", true);
            model.addAttribute("oob", true);
            return "stories/responses :: deep-dive-saved";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.status());
            EditorErrors errors = EditorErrors.of(saveRefused(problem), problem.fieldErrors(), draft.fieldNames());
            if (fragment) {
                model.addAttribute("storyId", storyId);
                model.addAttribute("deepDive", draft);
                model.addAttribute("deepDiveErrors", errors);
                model.addAttribute("oob", true);
                return "stories/responses :: deep-dive-refused";
            }
            Map<String, Object> story = storyOrNothing(storyId, model);
            page(model, storyId, story, story.isEmpty() ? new StoryDraft("", null, null, null, null, null, null, null, null, null, null)
                    : StoryDraft.of(story), EditorErrors.none(), draft, errors);
            return "stories/story";
        }
    }

    private void page(Model model, String storyId, Map<String, Object> story, StoryDraft draft, EditorErrors errors,
                      DeepDiveDraft deepDive, EditorErrors deepDiveErrors) {
        model.addAttribute("storyId", storyId);
        model.addAttribute("story", story);
        model.addAttribute("draft", draft);
        model.addAttribute("pageTitle", draft.title() == null || draft.title().isBlank() ? "Story" : draft.title());
        model.addAttribute("errors", errors);
        model.addAttribute("principleCatalog", Principles.all());
        model.addAttribute("deepDive", deepDive);
        // what is stored, shown above the form; the form may hold a refused edit of it
        model.addAttribute("appendix", DeepDiveDraft.of(story).sections());
        model.addAttribute("deepDiveErrors", deepDiveErrors);
        score(model, draft);
        if (!story.isEmpty()) {
            progress(model, storyId, story, 0);
            Integer latest = JsonFields.integer(story, "revision");
            if (latest != null && latest > 1) {
                try {
                    model.addAttribute("diff", SideBySideDiff.from(calls.asCurrentUser().getObject(Service.STORY, "/api/stories/{id}/diff", storyId)));
                    model.addAttribute("scores", model.getAttribute("progress"));
                } catch (ServiceProblem problem) {
                    model.addAttribute("diffProblem", problem.detail());
                }
            }
        }
    }

    private void score(Model model, StoryDraft draft) {
        try {
            Map<String, Object> scorecard = calls.asCurrentUser().post(Service.SCORING, "/api/score", draft.scoringBody(), Map.of()).object();
            model.addAttribute("preview", RubricPreview.from(scorecard));
        } catch (ServiceProblem problem) {
            model.addAttribute("previewProblem", previewRefused(problem));
            model.addAttribute("previewFieldErrors", EditorErrors.of(previewRefused(problem), problem.fieldErrors(), EDITOR_FIELDS));
        }
    }

    private void progress(Model model, String storyId, Map<String, Object> story, int attempt) {
        Map<String, Object> timeline;
        try {
            timeline = calls.asCurrentUser().getObject(Service.COVERAGE, "/api/stories/{id}/timeline", storyId);
        } catch (ServiceProblem problem) {
            timeline = Map.of();
            model.addAttribute("progressProblem", "Scores are not available right now (" + problem.detail() + "); the revisions are listed without them.");
        }
        StoryProgress progress = StoryProgress.of(storyId, story, timeline);
        model.addAttribute("progress", progress);
        model.addAttribute("pollAgain", progress.waitingForScores() && attempt < MAX_SCORE_POLLS);
        model.addAttribute("nextAttempt", attempt + 1);
    }

    /** The story, or an empty map when it cannot be read: a page that must still give the user back their text. */
    private Map<String, Object> storyOrNothing(String storyId, Model model) {
        try {
            return calls.asCurrentUser().getObject(Service.STORY, "/api/stories/{id}", storyId);
        } catch (ServiceProblem problem) {
            model.addAttribute("storyProblem", problem.detail());
            return Map.of();
        }
    }

    private StoryProgress timelineOrNothing(String storyId, Model model) {
        try {
            return StoryProgress.of(storyId, Map.of(), calls.asCurrentUser().getObject(Service.COVERAGE, "/api/stories/{id}/timeline", storyId));
        } catch (ServiceProblem problem) {
            return StoryProgress.of(storyId, Map.of(), Map.of());
        }
    }

    static Integer revisionNumber(String text) {
        if (text == null || text.isBlank() || text.length() > 9 || !text.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static Map<String, String> ifMatch(String value) {
        return value == null ? Map.of() : Map.of("If-Match", value);
    }

    /** What a refused save means for the person at the keyboard; their text is always still in the form. */
    static String saveRefused(ServiceProblem problem) {
        switch (problem.status()) {
            case 400:
            case 422:
                return "Nothing was saved yet: please fix what is marked below. Your text is still here.";
            case 409:
                // e.g. "Nothing changed: this text is identical to revision 3, so no new revision was made"
                return problem.detail().endsWith(".") ? problem.detail() : problem.detail() + ".";
            case 412:
                return "Nothing was saved: someone else changed this story after you opened it. Your text is still here, and this browser "
                        + "keeps it: reload the page to see their change, then choose \"Restore unsaved text\" and save again.";
            case 428:
                return "Nothing was saved: the page lost track of which version you were editing. Reload the page; this browser keeps your "
                        + "text and offers it back.";
            case 401:
                return "Nothing was saved: your sign-in has ended. Sign in again in a new tab, then save once more; your text is still here.";
            case 403:
                return "Nothing was saved: your role cannot change this story. " + problem.detail();
            case 404:
                return "Nothing was saved: this story no longer exists, or it is not yours to change.";
            default:
                return "Nothing was saved: " + problem.detail() + " Your text is still here.";
        }
    }

    static String previewRefused(ServiceProblem problem) {
        if (problem.status() == 400 || problem.status() == 422) {
            return "The preview appears once the story can be scored: " + problem.detail() + ".";
        }
        return "The preview is not available right now: " + problem.detail();
    }
}
