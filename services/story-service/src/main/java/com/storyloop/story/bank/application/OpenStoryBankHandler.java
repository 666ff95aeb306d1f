package com.storyloop.story.bank.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.story.bank.domain.BankCommand.OpenStoryBank;
import com.storyloop.story.bank.domain.BankEvent;
import com.storyloop.story.bank.domain.BankRuleViolation;
import com.storyloop.story.bank.domain.StoryBank;
import com.storyloop.story.bank.domain.StoryBankDecider;
import com.storyloop.story.bank.domain.TargetLevel;

@Service
public class OpenStoryBankHandler {

    private final BankRepository banks;
    private final Clock clock;

    public OpenStoryBankHandler(BankRepository banks, Clock clock) {
        this.banks = banks;
        this.clock = clock;
    }

    @Transactional
    public String open(String orgId, String clientId, String coachId, String targetRole, TargetLevel level, LocalDate interviewDate,
                       EventContext context) {
        banks.bankIdOfClient(orgId, clientId).ifPresent(existing -> {
            throw new BankRuleViolation("clientId", "Client " + clientId + " already has a story bank (" + existing + ")");
        });
        String bankId = UUID.randomUUID().toString();
        List<BankEvent> events = StoryBankDecider.decide(
                new OpenStoryBank(bankId, orgId, clientId, coachId, targetRole, level, interviewDate, clock.instant()), StoryBank.NONE);
        banks.append(StoryBank.NONE, 0, events, context);
        return bankId;
    }
}
