package com.storyloop.story.bank.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.story.bank.domain.BankCommand;
import com.storyloop.story.bank.domain.BankEvent;
import com.storyloop.story.bank.domain.StoryBankDecider;
import com.storyloop.web.problems.ResourceNotFound;

/** Changes an open bank (interview date, coach) at the version the caller last read. */
@Service
public class ChangeBankHandler {

    private final BankRepository banks;

    public ChangeBankHandler(BankRepository banks) {
        this.banks = banks;
    }

    /** @return the bank's new stream version (its new ETag) */
    @Transactional
    public long change(String bankId, long expectedVersion, BankCommand command, EventContext context) {
        BankRepository.Loaded loaded = banks.load(bankId).filter(l -> l.bank().opened())
                .orElseThrow(() -> new ResourceNotFound("story bank", bankId));
        if (loaded.version() != expectedVersion) {
            // the caller decided on a state that is gone: refuse before judging the command against a state they never saw
            throw new StreamVersionConflict(bankId, expectedVersion, loaded.version());
        }
        List<BankEvent> events = StoryBankDecider.decide(command, loaded.bank());
        return banks.append(loaded.bank(), expectedVersion, events, context);
    }
}
