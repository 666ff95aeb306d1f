package com.storyloop.story.bank.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to a story bank; past tense, no suffix. */
public sealed interface BankEvent {

    String bankId();

    record StoryBankOpened(String bankId, String orgId, String clientId, String coachId, String targetRole, TargetLevel targetLevel,
                           LocalDate interviewDate, Instant occurredAt) implements BankEvent {
    }

    record InterviewDateSet(String bankId, LocalDate interviewDate, Instant occurredAt) implements BankEvent {
    }

    record CoachAssigned(String bankId, String coachId, String previousCoachId, Instant occurredAt) implements BankEvent {
    }
}
