package com.storyloop.story.stories.adapter.in.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.stories.application.ChangeStoryHandler;
import com.storyloop.story.stories.application.DraftStoryHandler;
import com.storyloop.story.stories.domain.DeepDiveSection;
import com.storyloop.story.stories.domain.StoryCommand;
import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.story.stories.query.diffingrevisions.DiffingRevisions;
import com.storyloop.story.stories.query.diffingrevisions.RevisionDiff;
import com.storyloop.story.stories.query.gettingstory.GettingStory;
import com.storyloop.story.stories.query.gettingstory.StoryView;
import com.storyloop.story.stories.query.readingrevision.ReadingRevision;
import com.storyloop.story.stories.query.readingrevision.RevisionView;
import com.storyloop.web.preconditions.StreamVersions;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;
import com.storyloop.web.problems.ResourceNotFound;

/** Stories: draft, revise, claim, deep dive, retire, restore; read the story, any revision, and what changed between two. */
@RestController
class StoryController {

    private final DraftStoryHandler drafts;
    private final ChangeStoryHandler changes;
    private final GettingStory gettingStory;
    private final ReadingRevision readingRevision;
    private final DiffingRevisions diffingRevisions;
    private final Clock clock;

    StoryController(DraftStoryHandler drafts, ChangeStoryHandler changes, GettingStory gettingStory, ReadingRevision readingRevision,
                    DiffingRevisions diffingRevisions, Clock clock) {
        this.drafts = drafts;
        this.changes = changes;
        this.gettingStory = gettingStory;
        this.readingRevision = readingRevision;
        this.diffingRevisions = diffingRevisions;
        this.clock = clock;
    }

    /** STAR sections or free text; limits and codes are checked by the story's rules, which name every field at fault. */
    record DraftStoryRequest(String title, String situation, String task, String action, String result, String text, List<String> principles,
                             String projectTag) {

        StoryInput input() {
            return new StoryInput(title, situation, task, action, result, text, principles, projectTag);
        }
    }

    /** A complete new text (not a patch), with an optional note on what changed. */
    record ReviseStoryRequest(String title, String situation, String task, String action, String result, String text, List<String> principles,
                              String projectTag, String note) {

        StoryInput input() {
            return new StoryInput(title, situation, task, action, result, text, principles, projectTag);
        }
    }

    record ClaimPrinciplesRequest(List<String> principles) {
    }

    /** The whole appendix, replacing the previous one; an empty list removes it. */
    record AttachDeepDiveRequest(List<DeepDiveSection> sections) {
    }

    record RetireStoryRequest(String reason) {
    }

    /** What a write returns: where the story now is; {@code version} is also the ETag to send with the next change. */
    record StoryWritten(String bankId, String storyId, int revision, long version, boolean retired) {
    }

    @ApiResponse(responseCode = "201", description = "Drafted: revision 1", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "Its version, for If-Match")})
    @PostMapping(path = "/api/banks/{bankId}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoryWritten> draft(Caller caller, @PathVariable String bankId, @RequestBody DraftStoryRequest request,
                                       @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        DraftStoryHandler.Drafted drafted = drafts.draft(caller, bankId, request.input(), context(caller, correlationId));
        return ResponseEntity.created(URI.create("/api/stories/" + drafted.storyId())).eTag(StreamVersions.etag(drafted.version()))
                .body(new StoryWritten(bankId, drafted.storyId(), drafted.revision(), drafted.version(), false));
    }

    @ApiResponse(responseCode = "201", description = "Revised: the new revision number", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "Its version, for If-Match")})
    @PostMapping(path = "/api/stories/{storyId}/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoryWritten> revise(Caller caller, @PathVariable String storyId, @RequestBody ReviseStoryRequest request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        ChangeStoryHandler.Changed changed = changes.change(caller, storyId, StreamVersions.expectedVersion(ifMatch, "the story"),
                new StoryCommand.ReviseStory(request.input(), request.note(), clock.instant()), context(caller, correlationId));
        return ResponseEntity.created(URI.create("/api/stories/" + storyId + "/revisions/" + changed.story().revision()))
                .eTag(StreamVersions.etag(changed.version())).body(written(changed));
    }

    @PutMapping(path = "/api/stories/{storyId}/principles", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoryWritten> claimPrinciples(Caller caller, @PathVariable String storyId, @RequestBody ClaimPrinciplesRequest request,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        if (request.principles() == null) {
            throw new InvalidInput(new FieldProblem("principles", "is required: the complete set of claimed principle codes (may be empty)"));
        }
        return ok(changes.change(caller, storyId, StreamVersions.expectedVersion(ifMatch, "the story"),
                new StoryCommand.ClaimPrinciples(request.principles(), clock.instant()), context(caller, correlationId)));
    }

    @PutMapping(path = "/api/stories/{storyId}/deep-dive", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoryWritten> attachDeepDive(Caller caller, @PathVariable String storyId, @RequestBody AttachDeepDiveRequest request,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        if (request.sections() == null) {
            throw new InvalidInput(new FieldProblem("sections", "is required: the appendix's sections, [] to remove it"));
        }
        return ok(changes.change(caller, storyId, StreamVersions.expectedVersion(ifMatch, "the story"),
                new StoryCommand.AttachDeepDive(request.sections(), clock.instant()), context(caller, correlationId)));
    }

    @PostMapping("/api/stories/{storyId}/retire")
    ResponseEntity<StoryWritten> retire(Caller caller, @PathVariable String storyId, @RequestBody(required = false) RetireStoryRequest request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        return ok(changes.change(caller, storyId, StreamVersions.expectedVersion(ifMatch, "the story"),
                new StoryCommand.RetireStory(request == null ? null : request.reason(), clock.instant()), context(caller, correlationId)));
    }

    @PostMapping("/api/stories/{storyId}/restore")
    ResponseEntity<StoryWritten> restore(Caller caller, @PathVariable String storyId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        return ok(changes.change(caller, storyId, StreamVersions.expectedVersion(ifMatch, "the story"),
                new StoryCommand.RestoreStory(clock.instant()), context(caller, correlationId)));
    }

    @GetMapping("/api/stories/{storyId}")
    ResponseEntity<StoryView> story(Caller caller, @PathVariable String storyId) {
        StoryView story = gettingStory.byId(caller, storyId).orElseThrow(() -> new ResourceNotFound("story", storyId));
        return ResponseEntity.ok().eTag(StreamVersions.etag(story.version())).body(story);
    }

    @GetMapping("/api/stories/{storyId}/revisions/{revision}")
    RevisionView revision(Caller caller, @PathVariable String storyId, @PathVariable int revision) {
        return readingRevision.revision(caller, storyId, revision)
                .orElseThrow(() -> new ResourceNotFound("revision", revision + " of story " + storyId));
    }

    /** {@code to} defaults to the latest revision, {@code from} to the one before {@code to}. */
    @GetMapping("/api/stories/{storyId}/diff")
    RevisionDiff diff(Caller caller, @PathVariable String storyId, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        int last = readingRevision.revisions(caller, storyId).size();
        if (last == 0) {
            throw new ResourceNotFound("story", storyId);
        }
        int target = to == null ? last : to;
        int source = from == null ? Math.max(1, target - 1) : from;
        return diffingRevisions.diff(caller, storyId, source, target)
                .orElseThrow(() -> new ResourceNotFound("revision", (source > last || source < 1 ? source : target) + " of story " + storyId
                        + " (it has revisions 1 to " + last + ")"));
    }

    private static ResponseEntity<StoryWritten> ok(ChangeStoryHandler.Changed changed) {
        return ResponseEntity.ok().eTag(StreamVersions.etag(changed.version())).body(written(changed));
    }

    private static StoryWritten written(ChangeStoryHandler.Changed changed) {
        return new StoryWritten(changed.story().bankId(), changed.story().storyId(), changed.story().revision(), changed.version(),
                changed.story().retired());
    }

    /** The token's subject becomes the events' actor. */
    static EventContext context(Caller caller, String correlationId) {
        return new EventContext(caller.subject(), correlationId != null ? correlationId : UUID.randomUUID().toString());
    }
}
