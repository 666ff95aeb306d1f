package com.storyloop.scoring.rescoring.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.scoring.rescoring.application.RescoringJobs;
import com.storyloop.scoring.rescoring.domain.RescoringJob;
import com.storyloop.scoring.rescoring.query.trackingrescoring.TrackingRescoring;
import com.storyloop.security.caller.Caller;

/** Progress of a rescoring job started by an adoption. */
@RestController
class RescoringController {

    private final TrackingRescoring jobs;

    RescoringController(TrackingRescoring jobs) {
        this.jobs = jobs;
    }

    /**
     * @param done   revisions processed, {@code failed} of them not scorable by the version
     * @param status RUNNING or COMPLETED
     */
    record JobView(UUID jobId, String orgId, String rubricVersion, String previousRubricVersion, String status, int total, int done, int failed,
                   int percent, UUID adoptionEventId, Instant createdAt, Instant finishedAt) {
    }

    @GetMapping("/api/rescoring/{jobId}")
    JobView job(@PathVariable String jobId, Caller caller) {
        RescoringJobs.StoredJob stored = jobs.job(caller, jobId);
        RescoringJob job = stored.job();
        return new JobView(job.jobId(), job.orgId(), job.rubricVersion(), stored.previousRubricVersion(), job.status().name(), job.total(),
                job.done(), job.failed(), job.percent(), stored.adoptionEventId(), stored.createdAt(), stored.finishedAt());
    }
}
