package com.storyloop.scoring.scorecards.query.gettingscorecards;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One scorecard of one revision under one rubric version: the RevisionScored event's id and time, and the engine's full
 * scorecard ({@code scorecard}, the same document {@code ./storyloop score --json} and {@code POST /api/score} print).
 */
public record ScorecardView(String storyId, int revision, String rubricVersion, String orgId, String clientId, String bankId, String verdict,
                            int overall, UUID eventId, Instant scoredAt, JsonNode scorecard) {
}
