package com.storyloop.story.bank.query.gettingbank;

import java.time.LocalDate;
import java.util.List;

/** A bank as the API shows it, with each story's latest revision summarised; {@code version} is the bank stream's ETag. */
public record BankView(String bankId, String orgId, String clientId, String coachId, String targetRole, String targetLevel,
                       LocalDate interviewDate, long version, int storyCount, int activeStoryCount, List<StorySummary> stories) {
}
