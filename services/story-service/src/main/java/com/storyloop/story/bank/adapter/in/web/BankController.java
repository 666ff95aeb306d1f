package com.storyloop.story.bank.adapter.in.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.bank.application.OpenStoryBankHandler;
import com.storyloop.story.bank.domain.TargetLevel;
import com.storyloop.story.bank.query.gettingbank.BankView;
import com.storyloop.story.bank.query.gettingbank.GettingBank;

@RestController
class BankController {

    private final OpenStoryBankHandler openBank;
    private final GettingBank gettingBank;

    BankController(OpenStoryBankHandler openBank, GettingBank gettingBank) {
        this.openBank = openBank;
        this.gettingBank = gettingBank;
    }

    record OpenBankRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String orgId,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String clientId,
            @Size(max = 100) String coachId,
            @NotBlank @Size(max = 200) String targetRole,
            @NotNull TargetLevel targetLevel,
            LocalDate interviewDate) {
    }

    @PostMapping("/api/banks")
    ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenBankRequest request,
                                             @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        String bankId = openBank.open(request.orgId(), request.clientId(), request.coachId(), request.targetRole(), request.targetLevel(),
                request.interviewDate(), new EventContext("anonymous", correlationId != null ? correlationId : UUID.randomUUID().toString()));
        return ResponseEntity.created(URI.create("/api/banks/" + bankId)).eTag("\"1\"").body(Map.of("bankId", bankId, "version", 1));
    }

    @GetMapping("/api/banks/{bankId}")
    ResponseEntity<BankView> byId(@PathVariable String bankId) {
        return gettingBank.byId(bankId).map(BankController::withETag).orElseThrow(() -> new NotFound("bank", bankId));
    }

    @GetMapping("/api/clients/{clientId}/bank")
    ResponseEntity<BankView> byClient(@PathVariable String clientId) {
        return gettingBank.byClient(clientId).map(BankController::withETag).orElseThrow(() -> new NotFound("bank of client", clientId));
    }

    private static ResponseEntity<BankView> withETag(BankView view) {
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }
}
