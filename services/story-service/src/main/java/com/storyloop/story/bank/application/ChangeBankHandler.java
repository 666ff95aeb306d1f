package com.storyloop.story.bank.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.domain.BankCommand;
import com.storyloop.story.bank.domain.BankEvent;
import com.storyloop.story.bank.domain.StoryBank;
import com.storyloop.story.bank.domain.StoryBankDecider;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * Changes an open bank at the version the caller last read: the interview date by anyone who may see the client (the
 * client, their coach, an org admin); the coach only by an admin of the bank's organisation.
 */
@Service
public class ChangeBankHandler {

    private final BankRepository banks;
    private final Access access;

    public ChangeBankHandler(BankRepository banks, Access access) {
        this.banks = banks;
        this.access = access;
    }

    /** @return the bank's new stream version (its new ETag) */
    @Transactional
    public long change(Caller caller, String bankId, long expectedVersion, BankCommand command, EventContext context) {
        boolean assigningCoach = command instanceof BankCommand.AssignCoach;
        if (assigningCoach) {
            requireOrganisationAdmin(caller, bankId);
        }
        // checked before the version, so a refused caller learns nothing (not even the bank's version) and nothing is appended
        BankRepository.Loaded loaded = banks.load(bankId).filter(l -> l.bank().opened())
                .filter(l -> assigningCoach ? caller.belongsTo(l.bank().orgId()) : mayChange(caller, l.bank()))
                .orElseThrow(() -> new ResourceNotFound("story bank", bankId));
        if (loaded.version() != expectedVersion) {
            // the caller decided on a state that is gone: refuse before judging the command against a state they never saw
            throw new StreamVersionConflict(bankId, expectedVersion, loaded.version());
        }
        List<BankEvent> events = StoryBankDecider.decide(command, loaded.bank());
        return banks.append(loaded.bank(), expectedVersion, events, context);
    }

    private boolean mayChange(Caller caller, StoryBank bank) {
        return access.canSeeClient(caller, bank.orgId(), bank.clientId());
    }

    /**
     * The role is judged before the bank is even read, so the organisation's coaches and clients get the same 403 whether
     * or not the bank exists; a caller of no organisation (an operator) sees no bank at all.
     */
    private static void requireOrganisationAdmin(Caller caller, String bankId) {
        if (caller.orgId() == null) {
            throw new ResourceNotFound("story bank", bankId);
        }
        Access.requireOrganisation(caller, caller.orgId());
    }
}
