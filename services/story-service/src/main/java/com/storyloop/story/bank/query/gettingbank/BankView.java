package com.storyloop.story.bank.query.gettingbank;

import java.time.LocalDate;

/** A bank as the API shows it. */
public record BankView(String bankId, String orgId, String clientId, String coachId, String targetRole, String targetLevel,
                       LocalDate interviewDate, long version) {
}
