package com.storyloop.scoring.rescoring.domain;

import java.util.UUID;

/**
 * A rescoring job: every revision an organisation had when it adopted a rubric version, scored again with that version.
 *
 * @param total  revisions to score, fixed when the job starts
 * @param done   revisions processed so far (scored, found already scored, or failed)
 * @param failed revisions the version could not score (for example a text over its length limit)
 */
public record RescoringJob(UUID jobId, String orgId, String rubricVersion, int total, int done, int failed, Status status) {

    public enum Status {
        NOT_STARTED, RUNNING, COMPLETED
    }

    public static final RescoringJob NOT_STARTED = new RescoringJob(null, null, null, 0, 0, 0, Status.NOT_STARTED);

    public int remaining() {
        return total - done;
    }

    /** Progress from 0 to 100 (an empty job is complete: 100). */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }
}
