package com.storyloop.scoring.rescoring.domain;

import java.util.UUID;

/** What happened to a rescoring job (the service's own bookkeeping; not published). */
public sealed interface RescoringEvent {

    record RescoringStarted(UUID jobId, String orgId, String rubricVersion, int total) implements RescoringEvent {
    }

    record RevisionsRescored(int scored, int failed) implements RescoringEvent {
    }

    record RescoringCompleted() implements RescoringEvent {
    }
}
