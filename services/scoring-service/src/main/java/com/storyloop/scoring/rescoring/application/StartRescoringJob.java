package com.storyloop.scoring.rescoring.application;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.storyloop.scoring.rescoring.domain.RescoringCommand;
import com.storyloop.scoring.rescoring.domain.RescoringDecider;
import com.storyloop.scoring.rescoring.domain.RescoringJob;

/** Starts a rescoring job inside the adoption's transaction; the runner picks it up once that commits. */
@Service
public class StartRescoringJob {

    private final RescoringJobs jobs;
    private final RescoringRunner runner;

    public StartRescoringJob(RescoringJobs jobs, RescoringRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    public UUID start(String orgId, String rubricVersion, String previousRubricVersion, UUID adoptionEventId, String correlationId) {
        UUID jobId = UUID.randomUUID();
        int total = jobs.countRevisions(orgId);
        RescoringJob job = RescoringDecider.apply(RescoringJob.NOT_STARTED,
                RescoringDecider.decide(new RescoringCommand.StartRescoring(jobId, orgId, rubricVersion, total), RescoringJob.NOT_STARTED));
        jobs.create(job, previousRubricVersion, adoptionEventId, correlationId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.wake();
                }
            });
        }
        return jobId;
    }
}
