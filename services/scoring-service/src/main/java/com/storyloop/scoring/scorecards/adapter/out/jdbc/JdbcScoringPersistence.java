package com.storyloop.scoring.scorecards.adapter.out.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.eventing.store.EventStore;
import com.storyloop.eventing.store.StreamVersionConflict;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.schemas.EventCodec;
import com.storyloop.scoring.scorecards.adapter.out.avro.RevisionScoredMapper;
import com.storyloop.scoring.scorecards.application.ScoringPersistence;
import com.storyloop.scoring.scorecards.domain.BankCopy;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.StoryOwner;
import com.storyloop.scoring.scorecards.domain.ScorecardStreams;

/** {@link ScoringPersistence} on PostgreSQL: the local copies, the organisation lock, the event store and the scorecard rows. */
@Component
class JdbcScoringPersistence implements ScoringPersistence.Factory {

    private final EventCodec codec;
    private final Clock clock;
    /** Bank copies never change organisation or client, and no event changes a bank's level after StoryBankOpened. */
    private final Map<String, BankCopy> banks = new ConcurrentHashMap<>();

    JdbcScoringPersistence(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public ScoringPersistence on(JdbcTemplate jdbc) {
        // the event store on the same connection (or Spring transaction) as the other writes: one commit for all of them
        return new Bound(jdbc, new AvroEventStore(new EventStore(jdbc.getDataSource()), codec), clock, banks);
    }

    /** The lock a rescoring adoption takes exclusively and scoring of new revisions takes shared, per organisation. */
    static String organisationLock(String orgId) {
        return "org-rubric:" + orgId;
    }

    private static final class Bound implements ScoringPersistence {

        private final JdbcTemplate jdbc;
        private final AvroEventStore store;
        private final Clock clock;
        private final Map<String, BankCopy> banks;
        /** Organisations this transaction holds the shared lock of, with the version read under it. */
        private final Map<String, Optional<String>> locked = new HashMap<>();

        Bound(JdbcTemplate jdbc, AvroEventStore store, Clock clock, Map<String, BankCopy> banks) {
            this.jdbc = jdbc;
            this.store = store;
            this.clock = clock;
            this.banks = banks;
        }

        @Override
        public void saveBank(BankCopy bank) {
            jdbc.update("""
                    insert into banks (bank_id, org_id, client_id, target_level) values (?, ?, ?, ?)
                    on conflict (bank_id) do update set target_level = excluded.target_level
                    """, bank.bankId(), bank.orgId(), bank.clientId(), bank.targetLevel());
            banks.remove(bank.bankId());
        }

        @Override
        public Optional<BankCopy> bank(String bankId) {
            BankCopy known = banks.get(bankId);
            if (known != null) {
                return Optional.of(known);
            }
            Optional<BankCopy> found = jdbc.query("select bank_id, org_id, client_id, target_level from banks where bank_id = ?",
                    (rs, i) -> new BankCopy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), bankId).stream().findFirst();
            found.ifPresent(bank -> banks.put(bankId, bank));
            return found;
        }

        @Override
        public boolean saveRevision(RevisionCopy copy) {
            String[] body = bodyColumns(copy);
            Integer inserted = jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (var insert = connection.prepareStatement("""
                        insert into revisions (story_id, revision, bank_id, org_id, client_id, title, situation, task, action, result, story_text,
                                               principles, source_event_id, correlation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (story_id, revision) do nothing
                        """)) {
                    insert.setString(1, copy.storyId());
                    insert.setInt(2, copy.revision());
                    insert.setString(3, copy.bankId());
                    insert.setString(4, copy.orgId());
                    insert.setString(5, copy.clientId());
                    insert.setString(6, copy.title());
                    for (int i = 0; i < 5; i++) {
                        insert.setString(7 + i, body[i]);
                    }
                    insert.setArray(12, connection.createArrayOf("text", copy.principles().toArray()));
                    insert.setObject(13, copy.sourceEventId());
                    insert.setString(14, copy.correlationId());
                    return insert.executeUpdate();
                }
            });
            return inserted != null && inserted == 1;
        }

        private static String[] bodyColumns(RevisionCopy copy) {
            if (copy.body() instanceof com.storyloop.scoring.scorecards.domain.StoryBody.Star) {
                var star = (com.storyloop.scoring.scorecards.domain.StoryBody.Star) copy.body();
                return new String[] {star.situation(), star.task(), star.action(), star.result(), null};
            }
            return new String[] {null, null, null, null, ((com.storyloop.scoring.scorecards.domain.StoryBody.Text) copy.body()).text()};
        }

        @Override
        public boolean claimPrinciples(String storyId, int revision, List<String> principles) {
            Integer updated = jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (var update = connection.prepareStatement("update revisions set principles = ? where story_id = ? and revision = ?")) {
                    update.setArray(1, connection.createArrayOf("text", principles.toArray()));
                    update.setString(2, storyId);
                    update.setInt(3, revision);
                    return update.executeUpdate();
                }
            });
            return updated != null && updated == 1;
        }

        @Override
        public Optional<StoryOwner> storyOwner(String storyId) {
            return jdbc.query("select org_id, client_id from revisions where story_id = ? limit 1",
                    (rs, i) -> new StoryOwner(rs.getString(1), rs.getString(2)), storyId).stream().findFirst();
        }

        @Override
        public Optional<RevisionCopy> revision(String storyId, int revision) {
            return jdbc.query("""
                    select story_id, revision, bank_id, org_id, client_id, title, situation, task, action, result, story_text, principles,
                           source_event_id, correlation_id
                    from revisions where story_id = ? and revision = ?
                    """, (rs, i) -> revisionCopy(rs), storyId, revision).stream().findFirst();
        }

        static RevisionCopy revisionCopy(ResultSet rs) throws SQLException {
            Array principles = rs.getArray("principles");
            return RevisionCopy.of(rs.getString("story_id"), rs.getInt("revision"), rs.getString("bank_id"), rs.getString("org_id"),
                    rs.getString("client_id"), rs.getString("title"), rs.getString("situation"), rs.getString("task"), rs.getString("action"),
                    rs.getString("result"), rs.getString("story_text"), Arrays.asList((String[]) principles.getArray()),
                    rs.getObject("source_event_id", UUID.class), rs.getString("correlation_id"));
        }

        @Override
        public Optional<String> lockOrganisationAndReadVersion(String orgId) {
            Optional<String> read = locked.get(orgId);
            if (read != null) {
                return read; // locked earlier in this transaction: no adoption can have committed since
            }
            // an advisory lock takes no transaction id and no row; shared, so revisions of one organisation score in parallel.
            // The version is read by the next statement: its snapshot is taken after the lock was granted.
            jdbc.query("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rs -> {
            }, organisationLock(orgId));
            read = jdbc.queryForList("select rubric_version from organisations where org_id = ?", String.class, orgId).stream().findFirst();
            locked.put(orgId, read);
            return read;
        }

        @Override
        public boolean hasScorecard(String storyId, int revision, String rubricVersion) {
            return Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists(select 1 from scorecards where story_id = ? and revision = ? and rubric_version = ?)", Boolean.class, storyId,
                    revision, rubricVersion));
        }

        @Override
        public boolean recordScorecard(RevisionCopy copy, Scorecard card, Cause cause) {
            UUID eventId = UUID.randomUUID();
            RevisionScored event = RevisionScoredMapper.toEvent(copy, card, cause, eventId, clock.instant());
            try {
                store.append(ScorecardStreams.scorecard(copy.storyId(), copy.revision(), card.rubricVersion()), 0, List.of(event));
            } catch (StreamVersionConflict exists) {
                if (exists.actualVersion() < 0) {
                    throw exists; // a concurrent writer inserted it: this transaction is aborted, the caller retries it
                }
                return false;
            }
            Integer[] dimensions = card.dimensions().stream().map(DimensionScore::score).toArray(Integer[]::new);
            String[] flags = card.flags().stream().map(Flag::code).map(Enum::name).toArray(String[]::new);
            // the document itself is rebuilt on read from the copy and these inputs (GettingScorecards): the engine is deterministic
            String[] claimed = copy.principles().toArray(String[]::new);
            String level = card.level().target() == null ? null : card.level().target().name();
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (var insert = connection.prepareStatement("""
                        insert into scorecards (story_id, revision, rubric_version, org_id, client_id, bank_id, verdict, overall, dimension_scores,
                                                flags, claimed, target_level, event_id, scored_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (story_id, revision, rubric_version) do nothing
                        """)) {
                    insert.setString(1, copy.storyId());
                    insert.setInt(2, copy.revision());
                    insert.setString(3, card.rubricVersion());
                    insert.setString(4, copy.orgId());
                    insert.setString(5, copy.clientId());
                    insert.setString(6, copy.bankId());
                    insert.setString(7, card.verdict().verdict().name());
                    insert.setInt(8, card.overall());
                    insert.setArray(9, connection.createArrayOf("int4", dimensions));
                    insert.setArray(10, connection.createArrayOf("text", flags));
                    insert.setArray(11, connection.createArrayOf("text", claimed));
                    insert.setString(12, level);
                    insert.setObject(13, eventId);
                    insert.setTimestamp(14, java.sql.Timestamp.from(event.getMetadata().getOccurredAt()));
                    insert.executeUpdate();
                }
                return null;
            });
            return true;
        }
    }
}
