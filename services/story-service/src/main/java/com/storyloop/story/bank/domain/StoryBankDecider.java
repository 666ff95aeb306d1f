package com.storyloop.story.bank.domain;

import java.util.List;
import java.util.Objects;

import com.storyloop.story.bank.domain.BankCommand.AssignCoach;
import com.storyloop.story.bank.domain.BankCommand.OpenStoryBank;
import com.storyloop.story.bank.domain.BankCommand.SetInterviewDate;
import com.storyloop.story.bank.domain.BankEvent.CoachAssigned;
import com.storyloop.story.bank.domain.BankEvent.InterviewDateSet;
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
        if (!state.opened()) {
            throw new BankRuleViolation("bankId", "There is no such story bank");
        }
        if (command instanceof SetInterviewDate set) {
            if (Objects.equals(set.interviewDate(), state.interviewDate())) {
                throw new BankRuleViolation("interviewDate", set.interviewDate() == null ? "Nothing changed: the bank has no interview date to clear"
                        : "Nothing changed: the interview date already is " + set.interviewDate());
            }
            return List.of(new InterviewDateSet(state.bankId(), set.interviewDate(), set.now()));
        }
        if (command instanceof AssignCoach assign) {
            if (assign.coachId() == null || assign.coachId().isBlank()) {
                throw new BankRuleViolation("coachId", "A coach id is required");
            }
            if (assign.coachId().equals(state.coachId())) {
                throw new BankRuleViolation("coachId", "Nothing changed: " + assign.coachId() + " already coaches this client");
            }
            return List.of(new CoachAssigned(state.bankId(), assign.coachId(), state.coachId(), assign.now()));
        }
        throw new IllegalArgumentException("Unhandled command " + command);
    }

    public static StoryBank evolve(StoryBank state, BankEvent event) {
        if (event instanceof StoryBankOpened opened) {
            return new StoryBank(opened.bankId(), opened.orgId(), opened.clientId(), opened.coachId(), opened.targetRole(),
                    opened.targetLevel(), opened.interviewDate(), true);
        }
        if (event instanceof InterviewDateSet set) {
            return new StoryBank(state.bankId(), state.orgId(), state.clientId(), state.coachId(), state.targetRole(), state.targetLevel(),
                    set.interviewDate(), true);
        }
        if (event instanceof CoachAssigned assigned) {
            return new StoryBank(state.bankId(), state.orgId(), state.clientId(), assigned.coachId(), state.targetRole(), state.targetLevel(),
                    state.interviewDate(), true);
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
