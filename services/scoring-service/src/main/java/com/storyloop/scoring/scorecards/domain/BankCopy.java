package com.storyloop.scoring.scorecards.domain;

/** The scoring-service's copy of a story bank (StoryBankOpened): whose it is and the level its client targets (null: unknown). */
public record BankCopy(String bankId, String orgId, String clientId, String targetLevel) {
}
