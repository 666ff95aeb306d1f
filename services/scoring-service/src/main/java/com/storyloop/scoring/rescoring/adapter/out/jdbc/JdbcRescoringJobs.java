package com.storyloop.scoring.rescoring.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.scoring.rescoring.application.RescoringJobs;
import com.storyloop.scoring.rescoring.domain.RescoringJob;

/** Jobs in {@code rescoring_jobs}, their revisions in {@code rescoring_items}. */
@Repository
class JdbcRescoringJobs implements RescoringJobs {

    private static final String COLUMNS = "job_id, org_id, rubric_version, total, done, failed, status, previous_rubric_version, adoption_event_id, "
            + "correlation_id, created_at, finished_at";

    private final JdbcTemplate jdbc;

    JdbcRescoringJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int countRevisions(String orgId) {
        Integer count = jdbc.queryForObject("select count(*) from revisions where org_id = ?", Integer.class, orgId);
        return count == null ? 0 : count;
    }

    @Override
    public void create(RescoringJob job, String previousRubricVersion, UUID adoptionEventId, String correlationId) {
        jdbc.update("""
                insert into rescoring_jobs (job_id, org_id, rubric_version, previous_rubric_version, adoption_event_id, correlation_id, status,
                                            total, done, failed, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end)
                """, job.jobId(), job.orgId(), job.rubricVersion(), previousRubricVersion, adoptionEventId, correlationId, job.status().name(),
                job.total(), job.done(), job.failed(), job.status() == RescoringJob.Status.COMPLETED);
        int items = jdbc.update("insert into rescoring_items (job_id, story_id, revision) select ?, story_id, revision from revisions where org_id = ?",
                job.jobId(), job.orgId());
        if (items != job.total()) {
            // the organisation's lock keeps revisions out while an adoption runs: a mismatch is a bug, not a race
            throw new IllegalStateException("job " + job.jobId() + " counted " + job.total() + " revisions but snapshot " + items);
        }
    }

    @Override
    public Optional<StoredJob> find(UUID jobId) {
        return jdbc.query("select " + COLUMNS + " from rescoring_jobs where job_id = ?", JdbcRescoringJobs::row, jobId).stream().findFirst();
    }

    @Override
    public List<UUID> running() {
        return jdbc.queryForList("select job_id from rescoring_jobs where status = 'RUNNING' order by created_at", UUID.class);
    }

    @Override
    public Optional<StoredJob> lock(UUID jobId) {
        return jdbc.query("select " + COLUMNS + " from rescoring_jobs where job_id = ? for update skip locked", JdbcRescoringJobs::row, jobId)
                .stream().findFirst();
    }

    @Override
    public List<Item> pendingItems(UUID jobId, int limit) {
        return jdbc.query("select story_id, revision from rescoring_items where job_id = ? and not done order by story_id, revision limit ?",
                (rs, i) -> new Item(rs.getString(1), rs.getInt(2)), jobId, limit);
    }

    @Override
    public void markDone(UUID jobId, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        String[] stories = items.stream().map(Item::storyId).toArray(String[]::new);
        Integer[] revisions = items.stream().map(Item::revision).toArray(Integer[]::new);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var update = connection.prepareStatement("""
                    update rescoring_items set done = true
                    where job_id = ? and (story_id, revision) in (select * from unnest(?::text[], ?::int[]))
                    """)) {
                update.setObject(1, jobId);
                update.setArray(2, connection.createArrayOf("text", stories));
                update.setArray(3, connection.createArrayOf("int4", revisions));
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void save(RescoringJob job) {
        jdbc.update("""
                update rescoring_jobs set done = ?, failed = ?, status = ?,
                    finished_at = case when ? then coalesce(finished_at, now()) end
                where job_id = ?
                """, job.done(), job.failed(), job.status().name(), job.status() == RescoringJob.Status.COMPLETED, job.jobId());
    }

    private static StoredJob row(ResultSet rs, int i) throws SQLException {
        RescoringJob job = new RescoringJob(rs.getObject("job_id", UUID.class), rs.getString("org_id"), rs.getString("rubric_version"),
                rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"), RescoringJob.Status.valueOf(rs.getString("status")));
        Timestamp finished = rs.getTimestamp("finished_at");
        return new StoredJob(job, rs.getString("previous_rubric_version"), rs.getObject("adoption_event_id", UUID.class),
                rs.getString("correlation_id"), rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
