package com.storyloop.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import com.storyloop.bench.load.Ledger.Holdings;
import com.storyloop.bench.load.Ledger.RevisionKey;
import com.storyloop.bench.load.Ledger.ScoreKey;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.schemas.EventCodec;

/**
 * Reads what the services' databases hold for one organisation: the ledger's holdings, and each revision's commit times
 * (written, scored, in coverage) from {@code pg_xact_commit_timestamp}: one clock, the database's, for every lag.
 */
public final class LedgerQueries {

    /** A revision's way through the platform, in epoch milliseconds of the database's commit clock (null: not there yet). */
    public record Journey(RevisionKey revision, Double writtenAt, Double scoredAt, Double coveredAt) {
    }

    public record Snapshot(Holdings holdings, Map<RevisionKey, Journey> journeys) {
    }

    private static final String COVERAGE_GROUP = "coverage-principles";

    private final String jdbcUrl;
    private final String user;
    private final EventCodec codec = new EventCodec();

    public LedgerQueries(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    public Snapshot read(String orgId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
            // one snapshot for every query: a revision committed between two of them (a request still queued in the service
            // when the load stopped) must not look scored but never stored
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<RevisionKey, Integer> stored = new HashMap<>();
            Map<RevisionKey, Double> writtenAt = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select payload, (extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000)::float8 from story.events
                     where org_id = ? and event_type in ('StoryDrafted', 'StoryRevised')
                    """)) {
                st.setString(1, orgId);
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        RevisionKey key = revisionOf(codec.decode(rs.getBytes(1)));
                        stored.merge(key, 1, Integer::sum);
                        writtenAt.put(key, millis(rs));
                    }
                }
            }
            Map<ScoreKey, Integer> scored = new HashMap<>();
            Map<RevisionKey, Double> scoredAt = new HashMap<>();
            Map<String, RevisionKey> scoreEvents = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select payload, (extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000)::float8 from scoring.events
                     where org_id = ? and event_type = 'RevisionScored'
                    """)) {
                st.setString(1, orgId);
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        RevisionScored event = (RevisionScored) codec.decode(rs.getBytes(1));
                        ScoreKey key = new ScoreKey(event.getStoryId().toString(), event.getRevision(), event.getRubricVersion().toString());
                        scored.merge(key, 1, Integer::sum);
                        scoredAt.putIfAbsent(key.revisionKey(), millis(rs));
                        scoreEvents.put(event.getMetadata().getEventId().toString(), key.revisionKey());
                    }
                }
            }
            Map<RevisionKey, Double> coveredAt = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select event_id::text, (extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000)::float8 from coverage.inbox where consumer_group = ?
                    """)) {
                st.setString(1, COVERAGE_GROUP);
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        RevisionKey key = scoreEvents.get(rs.getString(1));
                        if (key != null) {
                            coveredAt.putIfAbsent(key, millis(rs));
                        }
                    }
                }
            }
            Map<RevisionKey, Integer> coverageTexts = new HashMap<>();
            Map<ScoreKey, Integer> coverageScores = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select story_id, revision, rubric_version, kind, count(*) from coverage.coverage_fact
                     where org_id = ? and kind in ('TEXT', 'SCORE') group by story_id, revision, rubric_version, kind
                    """)) {
                st.setString(1, orgId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(4).equals("TEXT")) {
                            coverageTexts.merge(new RevisionKey(rs.getString(1), rs.getInt(2)), rs.getInt(5), Integer::sum);
                        } else {
                            coverageScores.merge(new ScoreKey(rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getInt(5), Integer::sum);
                        }
                    }
                }
            }
            Map<ScoreKey, Integer> timelineScores = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select story_id, revision, rubric_version, count(*) from coverage.timeline_score where org_id = ?
                     group by story_id, revision, rubric_version
                    """)) {
                st.setString(1, orgId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        timelineScores.put(new ScoreKey(rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getInt(4));
                    }
                }
            }
            Map<RevisionKey, Journey> journeys = new HashMap<>();
            writtenAt.forEach((key, at) -> journeys.put(key, new Journey(key, at, scoredAt.get(key), coveredAt.get(key))));
            return new Snapshot(new Holdings(stored, scored, coverageTexts, coverageScores, timelineScores), journeys);
        }
    }

    /** How far the platform got with the organisation's revisions: stored, scored, in coverage facts, in story timelines. */
    public record Progress(long stored, long scored, long covered, long inTimelines) {
        public boolean caughtUp() {
            return stored == scored && scored == covered && covered == inTimelines;
        }

        @Override
        public String toString() {
            return stored + " stored, " + scored + " scored, " + covered + " in coverage, " + inTimelines + " in timelines";
        }
    }

    public Progress progress(String orgId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
            return new Progress(
                    count(c, "select count(*) from story.events where org_id = ? and event_type in ('StoryDrafted', 'StoryRevised')", orgId),
                    count(c, "select count(*) from scoring.scorecards where org_id = ?", orgId),
                    count(c, "select count(*) from coverage.coverage_fact where org_id = ? and kind = 'SCORE'", orgId),
                    count(c, "select count(*) from coverage.timeline_score where org_id = ?", orgId));
        }
    }

    /**
     * Waits until every stored revision of the organisation is scored and in coverage, polling twice a second.
     *
     * @return how long that took, or empty when {@code timeout} passed first
     */
    public java.util.Optional<java.time.Duration> awaitCaughtUp(String orgId, java.time.Duration timeout, java.io.PrintStream out) throws Exception {
        long from = System.nanoTime();
        long deadline = from + timeout.toNanos();
        while (true) {
            Progress progress = progress(orgId);
            if (progress.caughtUp()) {
                return java.util.Optional.of(java.time.Duration.ofNanos(System.nanoTime() - from));
            }
            if (System.nanoTime() > deadline) {
                out.println("Not caught up after " + timeout.toSeconds() + " s: " + progress);
                return java.util.Optional.empty();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static long count(Connection c, String sql, String orgId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, orgId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rubric version the organisation's revisions are scored with: the built-in one unless it adopted another. */
    public List<String> rubricVersions(String orgId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement st = c.prepareStatement("select rubric_version from scoring.organisations where org_id = ?")) {
            st.setString(1, orgId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1)) : List.of(RubricDefinition.standard().version());
            }
        }
    }

    /** Column 2: a commit time in epoch ms, or null where commit timestamps were off. */
    private static Double millis(ResultSet rs) throws SQLException {
        double value = rs.getDouble(2);
        return rs.wasNull() ? null : value;
    }

    private static RevisionKey revisionOf(SpecificRecord event) {
        if (event instanceof StoryDrafted drafted) {
            return new RevisionKey(drafted.getStoryId().toString(), drafted.getRevision());
        }
        StoryRevised revised = (StoryRevised) event;
        return new RevisionKey(revised.getStoryId().toString(), revised.getRevision());
    }
}
