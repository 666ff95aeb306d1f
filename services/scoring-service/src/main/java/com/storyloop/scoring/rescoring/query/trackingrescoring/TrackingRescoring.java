package com.storyloop.scoring.rescoring.query.trackingrescoring;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.storyloop.scoring.rescoring.application.RescoringJobs;
import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.web.access.RoleNotAllowed;
import com.storyloop.web.problems.ResourceNotFound;

/** A rescoring job's progress, for whoever could have started it: an org admin of the job's organisation. */
@Component
public class TrackingRescoring {

    private final RescoringJobs jobs;

    public TrackingRescoring(RescoringJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Another organisation's job answers exactly like an unknown one (not Access.requireOrganisation, whose 404 would name
     * the job's organisation); the organisation's coaches and clients learn only that they may not.
     */
    public RescoringJobs.StoredJob job(Caller caller, String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("rescoring job", jobId);
        }
        RescoringJobs.StoredJob stored = jobs.find(id).filter(j -> caller.belongsTo(j.job().orgId()))
                .orElseThrow(() -> new ResourceNotFound("rescoring job", jobId));
        if (!caller.has(Role.ORG_ADMIN)) {
            throw new RoleNotAllowed("Only an organisation admin may follow its rescoring jobs");
        }
        return stored;
    }
}
