package com.storyloop.scoring.scorecards.domain;

import java.util.UUID;

/** Why a scorecard is written: the story event it scores (causation) and the request or message chain it belongs to. */
public record Cause(UUID causationId, String correlationId) {
}
