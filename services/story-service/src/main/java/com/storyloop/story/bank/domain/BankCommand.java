package com.storyloop.story.bank.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What a user asks of a story bank; imperative. */
public sealed interface BankCommand {

    record OpenStoryBank(String bankId, String orgId, String clientId, String coachId, String targetRole, TargetLevel targetLevel,
                         LocalDate interviewDate, Instant now) implements BankCommand {
    }

    /** Set, move or (with null) clear the day of the client's interview loop. */
    record SetInterviewDate(LocalDate interviewDate, Instant now) implements BankCommand {
    }

    /** Make this coach responsible for the client, replacing any previous one. */
    record AssignCoach(String coachId, Instant now) implements BankCommand {
    }
}
