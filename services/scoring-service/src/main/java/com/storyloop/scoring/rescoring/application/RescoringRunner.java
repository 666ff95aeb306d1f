package com.storyloop.scoring.rescoring.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.scoring.rescoring.domain.RescoringCommand.RecordProgress;
import com.storyloop.scoring.rescoring.domain.RescoringDecider;
import com.storyloop.scoring.rescoring.domain.RescoringEvent;
import com.storyloop.scoring.rescoring.domain.RescoringJob;
import com.storyloop.scoring.scorecards.application.ScoreRevisions;
import com.storyloop.scoring.scorecards.application.ScoringPersistence;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;

/**
 * Runs rescoring jobs by replaying the local revision copies: a batch of revisions per transaction, the scorecards and
 * the job's progress committing together, so a crash resumes where it stopped and a revision is never scored twice
 * with the same version (the scorecard streams guarantee it anyway). Several instances share jobs through row locks.
 */
@Component
public class RescoringRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RescoringRunner.class);

    private final RescoringJobs jobs;
    private final ScoreRevisions scoring;
    private final ScoringPersistence.Factory persistence;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public RescoringRunner(RescoringJobs jobs, ScoreRevisions scoring, ScoringPersistence.Factory persistence, JdbcTemplate jdbc,
                           PlatformTransactionManager transactionManager,
                           @Value("${storyloop.scoring.rescoring-batch-size:100}") int batchSize) {
        this.jobs = jobs;
        this.scoring = scoring;
        this.persistence = persistence;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batchSize = batchSize;
    }

    /** A job was created: look now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "rescoring-runner");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUps.release();
        if (worker != null) {
            try {
                worker.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                for (UUID jobId : jobs.running()) {
                    while (running && runBatch(jobId)) {
                        // next batch of the same job
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Rescoring paused after a failure, retrying: {}", e.toString());
            }
            try {
                wakeUps.tryAcquire(500, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One batch of one job in one transaction; true while the job has more. */
    boolean runBatch(UUID jobId) {
        Boolean more = transactions.execute(tx -> {
            Optional<RescoringJobs.StoredJob> locked = jobs.lock(jobId);
            if (locked.isEmpty() || locked.get().job().status() != RescoringJob.Status.RUNNING) {
                return false;
            }
            RescoringJob job = locked.get().job();
            List<RescoringJobs.Item> items = jobs.pendingItems(jobId, batchSize);
            ScoringPersistence store = persistence.on(jdbc);
            int scored = 0;
            int failed = 0;
            for (RescoringJobs.Item item : items) {
                Optional<RevisionCopy> copy = store.revision(item.storyId(), item.revision());
                if (copy.isEmpty()) {
                    failed++;
                    continue;
                }
                try {
                    scoring.score(copy.get(), job.rubricVersion(), new Cause(copy.get().sourceEventId(), locked.get().correlationId()), store);
                    scored++;
                } catch (InvalidStoryException e) {
                    log.info("Rubric {} cannot score revision {} of story {}: {}", job.rubricVersion(), item.revision(), item.storyId(),
                            e.getMessage());
                    failed++;
                }
            }
            if (items.isEmpty() && job.remaining() > 0) {
                log.error("Rescoring job {} lost {} items; counting them as failed", jobId, job.remaining());
                failed = job.remaining();
            }
            List<RescoringEvent> events = RescoringDecider.decide(new RecordProgress(scored, failed), job);
            RescoringJob after = RescoringDecider.apply(job, events);
            jobs.markDone(jobId, items);
            jobs.save(after);
            return after.status() == RescoringJob.Status.RUNNING;
        });
        return Boolean.TRUE.equals(more);
    }
}
