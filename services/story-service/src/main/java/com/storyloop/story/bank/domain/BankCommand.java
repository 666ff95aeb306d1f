package com.storyloop.story.bank.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What a user asks of a story bank; imperative. */
public sealed interface BankCommand {

    record OpenStoryBank(String bankId, String orgId, String clientId, String coachId, String targetRole, TargetLevel targetLevel,
                         LocalDate interviewDate, Instant now) implements BankCommand {
    }
}
