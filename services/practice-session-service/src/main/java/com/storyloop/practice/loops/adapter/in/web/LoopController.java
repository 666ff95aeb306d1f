package com.storyloop.practice.loops.adapter.in.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.practice.loops.application.EventContext;
import com.storyloop.practice.loops.application.PlanLoopHandler;
import com.storyloop.practice.loops.application.RunLoopHandler;
import com.storyloop.practice.loops.application.TranscriptReviewer;
import com.storyloop.practice.loops.domain.AnswerTiming;
import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopCommand;
import com.storyloop.practice.loops.domain.LoopEvent;
import com.storyloop.practice.loops.domain.LoopFormat;
import com.storyloop.practice.loops.domain.LoopMode;
import com.storyloop.practice.loops.domain.LoopPlan;
import com.storyloop.practice.loops.domain.Rating;
import com.storyloop.practice.loops.query.gettingloop.GettingLoop;
import com.storyloop.practice.questions.application.QuestionLibrary;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.domain.Question;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.preconditions.StreamVersions;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * Plan and run mock loops. Running commands take an optional If-Match (ETag = stream version): with it a stale caller
 * gets 412, without it the command applies to the current loop. Rule violations are 409 problem details.
 */
@RestController
class LoopController {

    private final PlanLoopHandler planLoop;
    private final RunLoopHandler runLoop;
    private final GettingLoop gettingLoop;
    private final QuestionLibrary questions;
    private final Clock clock;
    private final TranscriptReviewer reviewer;

    LoopController(PlanLoopHandler planLoop, RunLoopHandler runLoop, GettingLoop gettingLoop, QuestionLibrary questions, Clock clock,
                   TranscriptReviewer reviewer) {
        this.planLoop = planLoop;
        this.runLoop = runLoop;
        this.gettingLoop = gettingLoop;
        this.questions = questions;
        this.clock = clock;
        this.reviewer = reviewer;
    }

    record PlanRequest(@NotBlank @Size(max = 100) String orgId, @NotBlank @Size(max = 100) String clientId,
                       @Min(1) @Max(LoopFormat.MAX_INTERVIEWS) int interviews,
                       @Min(1) @Max(LoopFormat.MAX_QUESTIONS_PER_INTERVIEW) int questionsPerInterview,
                       Boolean barRaiser, @Size(max = 32) List<Principle> principles, LoopMode mode) {
    }

    record AskRequest(@Min(0) int interviewIndex, @Min(0) int slotIndex, @NotBlank @Size(max = 200) String questionId,
                      @Size(max = 2000) String text) {
    }

    record AnswerRequest(@Min(0) int interviewIndex, @Min(0) int slotIndex, @NotBlank @Size(max = 100) String storyId, @Min(1) int storyRevision,
                         @Min(1) @Max(3600) int durationSeconds, @Size(max = 20000) String transcript) {
    }

    record ProbeRequest(@Min(0) int interviewIndex, @Min(0) int slotIndex, @NotBlank @Size(max = 2000) String text,
                        @Size(max = 20000) String response, Boolean handledWell) {
    }

    record RateRequest(@Min(0) int interviewIndex, @Min(0) int slotIndex, @NotBlank @Size(max = 100) String interviewerId, @NotNull Rating rating,
                       @Size(max = 5000) String notes) {
    }

    @PostMapping(path = "/api/loop-plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> preview(Caller caller, @Valid @RequestBody PlanRequest request) {
        PlanLoopHandler.Planned planned = planLoop.preview(caller, request.orgId(), request.clientId(), format(request));
        return planBody(request.orgId(), planned, 0);
    }

    @PostMapping(path = "/api/loops", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> plan(Caller caller, @Valid @RequestBody PlanRequest request,
                                             @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        LoopMode mode = request.mode() == null ? LoopMode.INTERVIEWED : request.mode();
        PlanLoopHandler.Planned planned = planLoop.plan(caller, request.orgId(), request.clientId(), format(request), mode,
                context(caller, correlationId));
        return ResponseEntity.created(URI.create("/api/loops/" + planned.loopId())).eTag(StreamVersions.etag(1))
                .body(planBody(request.orgId(), planned, 1));
    }

    @GetMapping("/api/loops/{loopId}")
    ResponseEntity<GettingLoop.LoopView> byId(Caller caller, @PathVariable String loopId) {
        GettingLoop.LoopView view = gettingLoop.byId(caller, loopId).orElseThrow(() -> new ResourceNotFound("loop", loopId));
        return ResponseEntity.ok().eTag(StreamVersions.etag(view.version())).body(view);
    }

    @PostMapping(path = "/api/loops/{loopId}/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ask(Caller caller, @PathVariable String loopId, @Valid @RequestBody AskRequest request,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        // a bank question is looked up in the loop's own organisation's bank, and only once the caller may see the loop
        return run(caller, loopId, ifMatch, loop -> new LoopCommand.AskQuestion(request.interviewIndex(), request.slotIndex(), request.questionId(),
                questionText(loop.orgId(), request), clock.instant()), correlationId);
    }

    @PostMapping(path = "/api/loops/{loopId}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> answer(Caller caller, @PathVariable String loopId, @Valid @RequestBody AnswerRequest request,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        ResponseEntity<Map<String, Object>> response = run(caller, loopId, ifMatch, new LoopCommand.GiveAnswer(request.interviewIndex(), request.slotIndex(),
                request.storyId(), request.storyRevision(), request.durationSeconds(), request.transcript(), reviewer.review(request.transcript()),
                clock.instant()), correlationId);
        AnswerTiming timing = AnswerTiming.of(request.durationSeconds());
        response.getBody().put("timing", timing.name());
        response.getBody().put("timingFlagged", timing.flagged());
        return response;
    }

    @PostMapping(path = "/api/loops/{loopId}/probes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> probe(Caller caller, @PathVariable String loopId, @Valid @RequestBody ProbeRequest request,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        return run(caller, loopId, ifMatch, new LoopCommand.AskProbe(request.interviewIndex(), request.slotIndex(), request.text(), request.response(),
                request.handledWell(), clock.instant()), correlationId);
    }

    @PostMapping(path = "/api/loops/{loopId}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> rate(Caller caller, @PathVariable String loopId, @Valid @RequestBody RateRequest request,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        return run(caller, loopId, ifMatch, new LoopCommand.RateAnswer(request.interviewIndex(), request.slotIndex(), request.interviewerId(),
                request.rating(), request.notes(), clock.instant()), correlationId);
    }

    @PostMapping("/api/loops/{loopId}/completion")
    ResponseEntity<Map<String, Object>> complete(Caller caller, @PathVariable String loopId,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        return run(caller, loopId, ifMatch, new LoopCommand.CompleteLoop(clock.instant()), correlationId);
    }

    private String questionText(String orgId, AskRequest request) {
        if (request.text() != null && !request.text().isBlank()) {
            return request.text();
        }
        return questions.find(orgId, request.questionId()).map(Question::text).orElseThrow(() -> new InvalidInput(new FieldProblem("questionId",
                "not in the question bank; send the question's text to ask your own")));
    }

    private ResponseEntity<Map<String, Object>> run(Caller caller, String loopId, String ifMatch, LoopCommand command, String correlationId) {
        return run(caller, loopId, ifMatch, loop -> command, correlationId);
    }

    private ResponseEntity<Map<String, Object>> run(Caller caller, String loopId, String ifMatch, Function<Loop, LoopCommand> command,
                                                    String correlationId) {
        Long expected = ifMatch == null ? null : StreamVersions.expectedVersion(ifMatch, "the loop");
        RunLoopHandler.Result result = runLoop.run(caller, loopId, expected, command, context(caller, correlationId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loopId", loopId);
        body.put("version", result.version());
        LoopEvent event = result.events().get(0);
        body.put("event", event.getClass().getSimpleName());
        if (event instanceof LoopEvent.LoopCompleted completed) {
            body.put("summary", completed.summary());
        }
        if (event instanceof LoopEvent.AnswerGiven given && given.measures() != null) {
            body.put("wordsPerMinute", given.measures().wordsPerMinute());
            body.put("fillerWords", given.measures().fillerWords());
            body.put("rubricVersion", given.measures().rubricVersion());
            body.put("transcriptFlags", given.measures().flags());
        }
        return ResponseEntity.status(201).eTag(StreamVersions.etag(result.version())).body(body);
    }

    private static LoopFormat format(PlanRequest request) {
        return new LoopFormat(request.interviews(), request.questionsPerInterview(), Boolean.TRUE.equals(request.barRaiser()), request.principles());
    }

    private Map<String, Object> planBody(String orgId, PlanLoopHandler.Planned planned, long version) {
        LoopPlan plan = planned.plan();
        Map<String, Object> body = new LinkedHashMap<>();
        if (planned.loopId() != null) {
            body.put("loopId", planned.loopId());
            body.put("version", version);
        }
        body.put("bankId", planned.bankId());
        body.put("interviews", plan.interviews());
        body.put("warnings", plan.warnings());
        body.put("unfilledSlots", plan.unfilledSlots());
        body.put("suggestedQuestions", gettingLoop.suggestedQuestions(orgId, plan));
        return body;
    }

    /** The events' actor is the token's subject, so the record says who did it. */
    static EventContext context(Caller caller, String correlationId) {
        return new EventContext(caller.subject(), correlationId != null ? correlationId : UUID.randomUUID().toString());
    }
}
