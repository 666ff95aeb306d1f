package com.storyloop.story.bank.domain;

import java.util.List;

import com.storyloop.story.bank.domain.BankCommand.OpenStoryBank;
import com.storyloop.story.bank.domain.BankEvent.StoryBankOpened;

/** The story bank's rules as pure functions: decide(command, state) -> events; evolve(state, event) -> state. */
public final class StoryBankDecider {

    private StoryBankDecider() {
    }

    public static List<BankEvent> decide(BankCommand command, StoryBank state) {
        if (command instanceof OpenStoryBank open) {
            if (state.opened()) {
                throw new BankRuleViolation("clientId", "Client " + open.clientId() + " already has a story bank (" + state.bankId() + ")");
            }
            return List.of(new StoryBankOpened(open.bankId(), open.orgId(), open.clientId(), open.coachId(), open.targetRole(),
                    open.targetLevel(), open.interviewDate(), open.now()));
        }
        throw new IllegalArgumentException("Unhandled command " + command);
    }

    public static StoryBank evolve(StoryBank state, BankEvent event) {
        if (event instanceof StoryBankOpened opened) {
            return new StoryBank(opened.bankId(), opened.orgId(), opened.clientId(), opened.coachId(), opened.targetRole(),
                    opened.targetLevel(), opened.interviewDate(), true);
        }
        throw new IllegalArgumentException("Unhandled event " + event);
    }

    public static StoryBank fold(List<BankEvent> events) {
        StoryBank state = StoryBank.NONE;
        for (BankEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
