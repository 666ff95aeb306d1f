package com.storyloop.scoring.rescoring.domain;

import java.util.UUID;

/** What a rescoring job can be told. */
public sealed interface RescoringCommand {

    /** Starts the job over the {@code total} revisions the organisation has now. */
    record StartRescoring(UUID jobId, String orgId, String rubricVersion, int total) implements RescoringCommand {
    }

    /** A batch of revisions was processed: {@code scored} of them scored (or found scored), {@code failed} not scorable. */
    record RecordProgress(int scored, int failed) implements RescoringCommand {
    }
}
