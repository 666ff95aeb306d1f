package com.storyloop.scoring.coaching.adapter.out.eventstore;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.events.DimensionScore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.scoring.CoachScored;
import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;
import com.storyloop.scoring.coaching.application.CoachScores;
import com.storyloop.scoring.coaching.domain.CoachScore;
import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.scorecards.application.ScoringPersistence;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.ScorecardStreams;

/**
 * CoachScored events in the stream {@code coach-score/<storyId>/<revision>/<coachId>} (a coach may score a revision again:
 * the latest counts), keyed by the story's client, and the {@code coach_scores} rows calibration reads.
 */
@Repository
class EventSourcedCoachScores implements CoachScores {

    private final AvroEventStore store;
    private final JdbcTemplate jdbc;
    private final ScoringPersistence.Factory scoring;

    EventSourcedCoachScores(AvroEventStore store, JdbcTemplate jdbc, ScoringPersistence.Factory scoring) {
        this.store = store;
        this.jdbc = jdbc;
        this.scoring = scoring;
    }

    @Override
    public Optional<RevisionCopy> revision(String storyId, int revision) {
        return scoring.on(jdbc).revision(storyId, revision);
    }

    @Override
    public Optional<String> adoptedVersion(String orgId) {
        return jdbc.queryForList("select rubric_version from organisations where org_id = ?", String.class, orgId).stream().findFirst();
    }

    @Override
    public Appended append(RevisionCopy revision, CoachScore score, String rubricVersion, EventContext context, Instant at) {
        String stream = ScorecardStreams.coachScores(revision.storyId(), revision.revision(), score.coachId());
        long expected = store.raw().streamVersion(stream);
        UUID eventId = UUID.randomUUID();
        List<DimensionScore> dimensions = new ArrayList<>();
        score.dimensions().forEach((d, s) -> dimensions.add(new DimensionScore(com.storyloop.events.Dimension.valueOf(d.name()), s, "")));
        CoachScored event = CoachScored.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(eventId).setOrgId(revision.orgId()).setClientId(revision.clientId())
                        .setStreamId(stream).setStreamVersion(expected + 1).setOccurredAt(at).setCorrelationId(context.correlationId())
                        .setCausationId(null).setActor(context.actor()).build())
                .setStoryId(revision.storyId()).setBankId(revision.bankId()).setRevision(revision.revision()).setCoachId(score.coachId())
                .setDimensions(dimensions).setFlags(score.flags().stream().map(f -> com.storyloop.events.FlagCode.valueOf(f.name())).toList())
                .setVerdict(com.storyloop.events.Verdict.valueOf(score.verdict().name())).setComment(score.comment()).build();
        // the append first: it must be the transaction's first write (EventStore.append)
        long version = store.append(stream, expected, List.of(event));
        Integer[] scores = new Integer[Dimension.values().length];
        score.dimensions().forEach((d, s) -> scores[d.ordinal()] = s);
        String[] flags = score.flags().stream().map(Enum::name).toArray(String[]::new);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into coach_scores (event_id, org_id, client_id, story_id, revision, coach_id, rubric_version, dimension_scores, flags,
                                              verdict, comment, scored_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                insert.setObject(1, eventId);
                insert.setString(2, revision.orgId());
                insert.setString(3, revision.clientId());
                insert.setString(4, revision.storyId());
                insert.setInt(5, revision.revision());
                insert.setString(6, score.coachId());
                insert.setString(7, rubricVersion);
                insert.setArray(8, connection.createArrayOf("int4", scores));
                insert.setArray(9, connection.createArrayOf("text", flags));
                insert.setString(10, score.verdict().name());
                insert.setString(11, score.comment());
                insert.setTimestamp(12, Timestamp.from(at));
                insert.executeUpdate();
            }
            return null;
        });
        return new Appended(eventId, version);
    }

    @Override
    public List<Stored> ofRevision(String storyId, int revision) {
        return jdbc.query("""
                select event_id, coach_id, rubric_version, dimension_scores, flags, verdict, comment, scored_at
                from coach_scores where story_id = ? and revision = ? order by scored_at, event_id
                """, (rs, i) -> new Stored(rs.getObject("event_id", UUID.class), rs.getString("coach_id"), rs.getString("rubric_version"),
                coachScore(rs), rs.getTimestamp("scored_at").toInstant()), storyId, revision);
    }

    /** A coach_scores row as the domain's score. */
    static CoachScore coachScore(ResultSet rs) throws SQLException {
        return new CoachScore(rs.getString("coach_id"), dimensions(rs.getArray("dimension_scores")), Verdict.valueOf(rs.getString("verdict")),
                flags(rs.getArray("flags")), rs.getString("comment"));
    }

    static Map<Dimension, Integer> dimensions(Array column) throws SQLException {
        Integer[] scores = (Integer[]) column.getArray();
        Map<Dimension, Integer> dimensions = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (d.ordinal() < scores.length && scores[d.ordinal()] != null) {
                dimensions.put(d, scores[d.ordinal()]);
            }
        }
        return dimensions;
    }

    static List<FlagCode> flags(Array column) throws SQLException {
        List<FlagCode> flags = new ArrayList<>();
        for (String name : (String[]) column.getArray()) {
            flags.add(FlagCode.valueOf(name));
        }
        return flags;
    }
}
