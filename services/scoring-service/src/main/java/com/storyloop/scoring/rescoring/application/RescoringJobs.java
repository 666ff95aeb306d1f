package com.storyloop.scoring.rescoring.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.storyloop.scoring.rescoring.domain.RescoringJob;

/** Rescoring jobs and the revisions each one holds; every method joins the caller's transaction. */
public interface RescoringJobs {

    record StoredJob(RescoringJob job, String previousRubricVersion, UUID adoptionEventId, String correlationId, Instant createdAt,
                     Instant finishedAt) {
    }

    record Item(String storyId, int revision) {
    }

    int countRevisions(String orgId);

    /** Stores a started job whose items are the organisation's revisions right now (as many as {@code job.total()}). */
    void create(RescoringJob job, String previousRubricVersion, UUID adoptionEventId, String correlationId);

    Optional<StoredJob> find(UUID jobId);

    List<UUID> running();

    /** The job, locked until the transaction ends; empty when another instance is working on it. */
    Optional<StoredJob> lock(UUID jobId);

    List<Item> pendingItems(UUID jobId, int limit);

    void markDone(UUID jobId, List<Item> items);

    void save(RescoringJob job);
}
