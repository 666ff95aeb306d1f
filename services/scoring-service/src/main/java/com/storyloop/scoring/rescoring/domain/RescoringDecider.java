package com.storyloop.scoring.rescoring.domain;

import java.util.ArrayList;
import java.util.List;

import com.storyloop.scoring.rescoring.domain.RescoringCommand.RecordProgress;
import com.storyloop.scoring.rescoring.domain.RescoringCommand.StartRescoring;
import com.storyloop.scoring.rescoring.domain.RescoringEvent.RescoringCompleted;
import com.storyloop.scoring.rescoring.domain.RescoringEvent.RescoringStarted;
import com.storyloop.scoring.rescoring.domain.RescoringEvent.RevisionsRescored;

/**
 * The progress rules of a rescoring job: done never exceeds total, a job completes exactly when every revision was
 * processed (at once when there is none), and nothing moves a completed job.
 */
public final class RescoringDecider {

    private RescoringDecider() {
    }

    public static List<RescoringEvent> decide(RescoringCommand command, RescoringJob job) {
        if (command instanceof StartRescoring) {
            StartRescoring start = (StartRescoring) command;
            if (job.status() != RescoringJob.Status.NOT_STARTED) {
                throw new RescoringRefused("job " + job.jobId() + " has already started");
            }
            if (start.total() < 0) {
                throw new RescoringRefused("a job cannot hold " + start.total() + " revisions");
            }
            List<RescoringEvent> events = new ArrayList<>();
            events.add(new RescoringStarted(start.jobId(), start.orgId(), start.rubricVersion(), start.total()));
            if (start.total() == 0) {
                events.add(new RescoringCompleted());
            }
            return events;
        }
        RecordProgress progress = (RecordProgress) command;
        if (job.status() == RescoringJob.Status.NOT_STARTED) {
            throw new RescoringRefused("the job has not started");
        }
        if (job.status() == RescoringJob.Status.COMPLETED) {
            throw new RescoringRefused("job " + job.jobId() + " is already complete");
        }
        if (progress.scored() < 0 || progress.failed() < 0) {
            throw new RescoringRefused("progress cannot be negative");
        }
        int processed = progress.scored() + progress.failed();
        if (processed > job.remaining()) {
            throw new RescoringRefused("the batch reports " + processed + " revisions but only " + job.remaining() + " remain");
        }
        if (processed == 0) {
            return List.of();
        }
        List<RescoringEvent> events = new ArrayList<>();
        events.add(new RevisionsRescored(progress.scored(), progress.failed()));
        if (processed == job.remaining()) {
            events.add(new RescoringCompleted());
        }
        return events;
    }

    public static RescoringJob evolve(RescoringJob job, RescoringEvent event) {
        if (event instanceof RescoringStarted) {
            RescoringStarted started = (RescoringStarted) event;
            return new RescoringJob(started.jobId(), started.orgId(), started.rubricVersion(), started.total(), 0, 0,
                    RescoringJob.Status.RUNNING);
        }
        if (event instanceof RevisionsRescored) {
            RevisionsRescored batch = (RevisionsRescored) event;
            return new RescoringJob(job.jobId(), job.orgId(), job.rubricVersion(), job.total(), job.done() + batch.scored() + batch.failed(),
                    job.failed() + batch.failed(), job.status());
        }
        return new RescoringJob(job.jobId(), job.orgId(), job.rubricVersion(), job.total(), job.done(), job.failed(),
                RescoringJob.Status.COMPLETED);
    }

    public static RescoringJob apply(RescoringJob job, List<RescoringEvent> events) {
        RescoringJob state = job;
        for (RescoringEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
