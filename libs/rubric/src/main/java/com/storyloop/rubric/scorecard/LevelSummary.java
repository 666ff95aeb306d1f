package com.storyloop.rubric.scorecard;

/**
 * Aggregated scope signals: distinct teams or functions named, the largest amount of money,
 * the largest user/customer count, the longest duration in months, and ambiguity mentions.
 */
public record LevelSummary(int teams, double largestMoney, double largestUserCount, double longestDurationMonths, int ambiguityMentions) {
}
