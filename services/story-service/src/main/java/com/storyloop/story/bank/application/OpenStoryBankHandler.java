package com.storyloop.story.bank.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.domain.BankCommand.OpenStoryBank;
import com.storyloop.story.bank.domain.BankEvent;
import com.storyloop.story.bank.domain.BankRuleViolation;
import com.storyloop.story.bank.domain.StoryBank;
import com.storyloop.story.bank.domain.StoryBankDecider;
import com.storyloop.story.bank.domain.TargetLevel;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

@Service
public class OpenStoryBankHandler {

    private final BankRepository banks;
    private final Access access;
    private final Clock clock;

    public OpenStoryBankHandler(BankRepository banks, Access access, Clock clock) {
        this.banks = banks;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Opens the client's bank. Who may open it is who may see it once open: an admin of the organisation, the coach it names
     * when that is the caller, or the client themselves. Anyone else is answered as if the client did not exist (404), before
     * anything is read or written, so a refusal reveals neither the client nor their bank.
     */
    @Transactional
    public String open(Caller caller, String orgId, String clientId, String coachId, String targetRole, TargetLevel level,
                       LocalDate interviewDate, EventContext context) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("organisation", orgId);
        }
        if (!caller.canSeeClient(orgId, clientId, coachId)) {
            throw new ResourceNotFound("client", clientId);
        }
        banks.bankIdOfClient(orgId, clientId).ifPresent(existing -> {
            if (!access.canSeeClient(caller, orgId, clientId)) {
                // the bank exists but is another coach's client: saying so (or naming the bank) would reveal it
                throw new ResourceNotFound("client", clientId);
            }
            throw new BankRuleViolation("clientId", "Client " + clientId + " already has a story bank (" + existing + ")");
        });
        String bankId = UUID.randomUUID().toString();
        List<BankEvent> events = StoryBankDecider.decide(
                new OpenStoryBank(bankId, orgId, clientId, coachId, targetRole, level, interviewDate, clock.instant()), StoryBank.NONE);
        banks.append(StoryBank.NONE, 0, events, context);
        return bankId;
    }
}
