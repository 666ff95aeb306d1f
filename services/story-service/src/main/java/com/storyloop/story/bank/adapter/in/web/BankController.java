package com.storyloop.story.bank.adapter.in.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.application.ChangeBankHandler;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.bank.application.OpenStoryBankHandler;
import com.storyloop.story.bank.domain.BankCommand.AssignCoach;
import com.storyloop.story.bank.domain.BankCommand.SetInterviewDate;
import com.storyloop.story.bank.domain.TargetLevel;
import com.storyloop.story.bank.query.gettingbank.BankView;
import com.storyloop.story.bank.query.gettingbank.GettingBank;
import com.storyloop.web.preconditions.StreamVersions;
import com.storyloop.web.problems.ResourceNotFound;

@RestController
class BankController {

    private final OpenStoryBankHandler openBank;
    private final ChangeBankHandler changeBank;
    private final GettingBank gettingBank;
    private final Clock clock;

    BankController(OpenStoryBankHandler openBank, ChangeBankHandler changeBank, GettingBank gettingBank, Clock clock) {
        this.openBank = openBank;
        this.changeBank = changeBank;
        this.gettingBank = gettingBank;
        this.clock = clock;
    }

    record OpenBankRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String orgId,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String clientId,
            @Size(max = 100) String coachId,
            @NotBlank @Size(max = 200) String targetRole,
            @NotNull TargetLevel targetLevel,
            LocalDate interviewDate) {
    }

    /** A null date clears it. */
    record SetInterviewDateRequest(LocalDate interviewDate) {
    }

    record AssignCoachRequest(@NotBlank @Size(max = 100) String coachId) {
    }

    @ApiResponse(responseCode = "201", description = "Opened", headers = {@Header(name = "Location", description = "The new resource"), @Header(name = "ETag", description = "Its version, for If-Match")})
    @PostMapping(path = "/api/banks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> open(Caller caller, @Valid @RequestBody OpenBankRequest request,
                                             @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        String bankId = openBank.open(caller, request.orgId(), request.clientId(), request.coachId(), request.targetRole(), request.targetLevel(),
                request.interviewDate(), context(caller, correlationId));
        return ResponseEntity.created(URI.create("/api/banks/" + bankId)).eTag(StreamVersions.etag(1)).body(Map.of("bankId", bankId, "version", 1));
    }

    @PutMapping(path = "/api/banks/{bankId}/interview-date", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> setInterviewDate(Caller caller, @PathVariable String bankId, @RequestBody SetInterviewDateRequest request,
                                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                         @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        long version = changeBank.change(caller, bankId, StreamVersions.expectedVersion(ifMatch, "the bank"),
                new SetInterviewDate(request.interviewDate(), clock.instant()), context(caller, correlationId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bankId", bankId);
        body.put("version", version);
        body.put("interviewDate", request.interviewDate());
        return ResponseEntity.ok().eTag(StreamVersions.etag(version)).body(body);
    }

    @PutMapping(path = "/api/banks/{bankId}/coach", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> assignCoach(Caller caller, @PathVariable String bankId, @Valid @RequestBody AssignCoachRequest request,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        long version = changeBank.change(caller, bankId, StreamVersions.expectedVersion(ifMatch, "the bank"),
                new AssignCoach(request.coachId(), clock.instant()), context(caller, correlationId));
        return ResponseEntity.ok().eTag(StreamVersions.etag(version)).body(Map.of("bankId", bankId, "version", version, "coachId", request.coachId()));
    }

    @GetMapping("/api/banks/{bankId}")
    ResponseEntity<BankView> byId(Caller caller, @PathVariable String bankId) {
        return gettingBank.byId(caller, bankId).map(BankController::withETag).orElseThrow(() -> new ResourceNotFound("story bank", bankId));
    }

    @GetMapping("/api/clients/{clientId}/bank")
    ResponseEntity<BankView> byClient(Caller caller, @PathVariable String clientId) {
        return gettingBank.byClient(caller, clientId).map(BankController::withETag).orElseThrow(() -> new ResourceNotFound("story bank of client", clientId));
    }

    private static ResponseEntity<BankView> withETag(BankView view) {
        return ResponseEntity.ok().eTag(StreamVersions.etag(view.version())).body(view);
    }

    /** The token's subject becomes the events' actor. */
    static EventContext context(Caller caller, String correlationId) {
        return new EventContext(caller.subject(), correlationId != null ? correlationId : UUID.randomUUID().toString());
    }
}
