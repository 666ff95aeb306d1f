package com.storyloop.eventing.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.Backoff;
import com.storyloop.eventing.consumer.DeadLetters;
import com.storyloop.eventing.consumer.EventConsumer;
import com.storyloop.eventing.rebuild.RebuildProgress.State;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Rebuilds one projection from the beginning of its topics without taking it offline (architecture.md, projections).
 *
 * <ol>
 * <li>Copies the shape of the projection's tables, its inbox and positions into a scratch schema.</li>
 * <li>Runs the projection's own handler there, as a second consumer of the same topics under its own Kafka group,
 *     until it has read everything the topics held at the start. The live tables keep serving and the live consumer
 *     keeps applying new events meanwhile.</li>
 * <li>Switches in one transaction: holds the live group's batches (the lock every batch takes shared), lets the rebuild
 *     pass the live group's positions, then moves the rebuilt tables in place of the live ones and carries over the
 *     inbox and positions, so the live consumer resumes where the rebuild stopped and skips what it already applied.
 *     Readers wait for the few milliseconds of the swap instead of failing.</li>
 * </ol>
 */
final class ProjectionRebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** How long the switch may hold the live group while the rebuild catches up with it before trying again. */
    static final Duration SWITCH_CATCH_UP = Duration.ofSeconds(30);

    /**
     * Rebuild consumers sharing the topics' partitions (one Kafka group): while one waits for its commit another folds, so
     * the service's work and the database's overlap instead of adding up. A client's events are in one partition of each
     * topic, and the range assignor gives partition n of both topics to the same consumer, so no two write the same rows.
     */
    static final int CONSUMERS = Math.max(1, Math.min(Topics.PARTITIONS, Runtime.getRuntime().availableProcessors()));

    /** Each wait for the live tables stays well under PostgreSQL's deadlock check (1 s by default). */
    private static final Duration TABLE_LOCK_WAIT = Duration.ofMillis(200);
    private static final int TABLE_LOCK_ATTEMPTS = 50;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final ConsumerDefinition definition;
    private final HikariDataSource live;
    private final EventCodec codec;
    private final DeadLetters deadLetters;
    private final String bootstrapServers;
    private final Map<String, String> clientSecurity;
    private final Instant startedAt = Instant.now();

    private volatile State state = State.COPYING_TABLES;
    private volatile long eventsRead;
    private volatile long eventsTotal;
    private volatile long eventsApplied;
    private volatile Instant finishedAt;
    private volatile Long switchPauseMillis;
    private volatile String error;
    private volatile Rebuilders consumer;
    private final Map<String, String> deferredIndexes = new java.util.LinkedHashMap<>();

    ProjectionRebuild(ConsumerDefinition definition, HikariDataSource live, EventCodec codec, DeadLetters deadLetters, String bootstrapServers,
                      Map<String, String> clientSecurity) {
        this.clientSecurity = clientSecurity;
        this.definition = definition;
        this.live = live;
        this.codec = codec;
        this.deadLetters = deadLetters.forRebuild(startedAt);
        this.bootstrapServers = bootstrapServers;
    }

    RebuildProgress progress() {
        long read = eventsRead;
        double seconds = Math.max(0.001, Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).toMillis() / 1000.0);
        double rate = read / seconds;
        Long eta = state == State.CATCHING_UP && rate > 0 ? Math.max(0, (long) Math.ceil((eventsTotal - read) / rate)) : null;
        return new RebuildProgress(definition.group(), state, definition.topics(), definition.tables(), startedAt, finishedAt, read, eventsTotal,
                eventsApplied, Math.round(rate * 10) / 10.0, eta, switchPauseMillis, error);
    }

    @Override
    public void run() {
        String liveSchema = null;
        String scratch = null;
        HikariDataSource scratchPool = null;
        try {
            liveSchema = new JdbcTemplate(live).queryForObject("select current_schema()", String.class);
            scratch = liveSchema + "_rebuild_" + definition.group().replaceAll("[^a-zA-Z0-9]", "_");
            copyTables(liveSchema, scratch);
            scratchPool = scratchPool(liveSchema, scratch);
            String kafkaGroup = definition.group() + "-rebuild-" + UUID.randomUUID().toString().substring(0, 8);

            Map<TopicPartition, Long> beginning = new HashMap<>();
            Map<TopicPartition, Long> endAtStart = new HashMap<>();
            offsets(beginning, endAtStart);
            eventsTotal = sum(endAtStart) - sum(beginning);
            endAtStart.entrySet().removeIf(e -> e.getValue() <= beginning.getOrDefault(e.getKey(), 0L)); // nothing to read there

            state = State.CATCHING_UP;
            HikariDataSource scratchTables = scratchPool;
            Rebuilders rebuilding = new Rebuilders(CONSUMERS, () -> new EventConsumer(EventConsumer.Settings.of(definition.group(),
                    definition.topics(), bootstrapServers).withClientSecurity(clientSecurity).withKafkaGroup(kafkaGroup),
                    scratchTables, codec, definition.handler(), deadLetters));
            consumer = rebuilding;
            rebuilding.start();
            JdbcTemplate scratchJdbc = new JdbcTemplate(scratchPool);
            while (!reached(rebuilding.storedPositions(), endAtStart)) {
                track(beginning, rebuilding);
                if (!rebuilding.isRunning()) {
                    throw new IllegalStateException("the rebuild consumer stopped");
                }
                pause(Duration.ofMillis(100));
            }
            track(beginning, rebuilding);

            state = State.SWITCHING;
            buildDeferredIndexes();
            while (!switchOver(liveSchema, scratch, scratchJdbc, rebuilding)) {
                log.info("Rebuild of {} did not catch up with the live group within {} s; trying the switch again", definition.group(),
                        SWITCH_CATCH_UP.toSeconds());
            }
            track(beginning, rebuilding);
            finishedAt = Instant.now();
            state = State.DONE;
            log.info("Rebuilt {}: {} events read, {} applied, switch held the live group for {} ms", definition.group(), eventsRead, eventsApplied,
                    switchPauseMillis);
        } catch (Exception e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            finishedAt = Instant.now();
            state = State.FAILED;
            log.error("Rebuild of {} failed; the live tables are unchanged", definition.group(), e);
        } finally {
            Rebuilders c = consumer;
            if (c != null) {
                c.close();
            }
            if (scratchPool != null) {
                scratchPool.close();
            }
            if (scratch != null) {
                dropQuietly(scratch);
            }
        }
    }

    private void copyTables(String liveSchema, String scratch) throws SQLException {
        try (Connection c = live.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + quote(scratch) + " cascade");
            st.execute("create schema " + quote(scratch));
            List<String> tables = new ArrayList<>(definition.tables());
            tables.add("inbox");
            tables.add("consumer_positions");
            for (String table : tables) {
                st.execute("create table " + quote(scratch) + "." + quote(table) + " (like " + quote(liveSchema) + "." + quote(table) + " including all)");
            }
            // secondary indexes are built once at the end: maintaining them row by row is most of a bulk load's cost
            deferredIndexes.clear();
            try (PreparedStatement ps = c.prepareStatement("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                      from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                     where n.nspname = ? and not i.indisunique and not i.indisprimary
                    """)) {
                ps.setString(1, scratch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deferredIndexes.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (String index : deferredIndexes.keySet()) {
                st.execute("drop index " + index);
            }
            // Which transaction applied each inbox row, and how far each batch transaction got: at the switch only the rows of
            // batches that went past the live group's positions are missing from the live inbox, and only those are copied.
            String r = quote(scratch);
            st.execute("alter table " + r + ".inbox add column applied_in xid8 not null default pg_current_xact_id()");
            st.execute("create table " + r + ".batches (applied_in xid8 not null default pg_current_xact_id(), topic text not null,"
                    + " partition int not null, next_offset bigint not null)");
            st.execute("create function " + r + ".note_batch() returns trigger language plpgsql as $$ begin insert into " + r
                    + ".batches (topic, partition, next_offset) values (new.topic, new.partition, new.next_offset); return new; end $$");
            st.execute("create trigger note_batch after insert or update on " + r + ".consumer_positions for each row execute function "
                    + r + ".note_batch()");
        }
    }

    private void buildDeferredIndexes() throws SQLException {
        try (Connection c = live.getConnection(); Statement st = c.createStatement()) {
            for (String definition : deferredIndexes.values()) {
                st.execute(definition);
            }
        }
    }

    private HikariDataSource scratchPool(String liveSchema, String scratch) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(live.getJdbcUrl());
        config.setUsername(live.getUsername());
        config.setPassword(live.getPassword());
        config.setMaximumPoolSize(CONSUMERS + 2); // a connection per consumer, one for progress, one for the switch's reads
        config.setPoolName("rebuild-" + definition.group());
        // the scratch tables first; anything else the handler reads (other projections' tables) from the live schema
        config.setConnectionInitSql("set search_path to " + quote(scratch) + ", " + quote(liveSchema));
        // a crash loses nothing that matters: an interrupted rebuild starts again from scratch, so no commit waits for the disk
        config.addDataSourceProperty("options", "-c synchronous_commit=off");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private void offsets(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(clientSecurity);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : definition.topics()) {
                for (PartitionInfo info : kafka.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            beginning.putAll(kafka.beginningOffsets(partitions, Duration.ofSeconds(30)));
            end.putAll(kafka.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    private void track(Map<TopicPartition, Long> beginning, Rebuilders rebuilding) {
        long read = 0;
        for (Map.Entry<TopicPartition, Long> position : rebuilding.storedPositions().entrySet()) {
            read += position.getValue() - beginning.getOrDefault(position.getKey(), 0L);
        }
        eventsRead = read;
        eventsApplied = rebuilding.applied();
    }

    /**
     * One attempt at the switch. Holds the live group, waits (bounded) for the rebuild to pass its positions, then moves
     * the tables. Returns false, changing nothing, when the rebuild did not catch up in time.
     */
    private boolean switchOver(String liveSchema, String scratch, JdbcTemplate scratchJdbc, Rebuilders rebuilding) throws SQLException {
        try (Connection c = live.getConnection()) {
            c.setAutoCommit(false);
            try {
                long held = System.nanoTime();
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(? || ':' || ?))")) {
                    lock.setString(1, liveSchema);
                    lock.setString(2, definition.group());
                    lock.execute();
                }
                Map<TopicPartition, Long> livePositions = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("select topic, partition, next_offset from consumer_positions where consumer_group = ?")) {
                    ps.setString(1, definition.group());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            livePositions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                        }
                    }
                }
                long deadline = System.nanoTime() + SWITCH_CATCH_UP.toNanos();
                while (!reached(rebuilding.storedPositions(), livePositions)) {
                    if (System.nanoTime() > deadline) {
                        c.rollback();
                        return false;
                    }
                    pause(Duration.ofMillis(20));
                }
                String l = quote(liveSchema);
                if (!lockLiveTables(c, l)) {
                    c.rollback();
                    return false;
                }
                rebuilding.close(); // nothing more may land in the scratch tables once they are being moved
                String group = definition.group();
                try (Statement st = c.createStatement()) {
                    String r = quote(scratch);
                    String firstBeyondLive = firstBatchBeyond(scratchJdbc, livePositions);
                    if (firstBeyondLive != null) {
                        try (PreparedStatement ps = c.prepareStatement("insert into " + l + ".inbox (consumer_group, event_id, received_at)"
                                + " select consumer_group, event_id, received_at from " + r + ".inbox"
                                + " where consumer_group = ? and applied_in >= ?::xid8 on conflict do nothing")) {
                            ps.setString(1, group);
                            ps.setString(2, firstBeyondLive);
                            ps.executeUpdate();
                        }
                    }
                    execute(c, "delete from " + l + ".consumer_positions where consumer_group = ?", group);
                    execute(c, "insert into " + l + ".consumer_positions select * from " + r + ".consumer_positions where consumer_group = ?", group);
                    for (String table : definition.tables()) {
                        List<String> security = securityOf(c, liveSchema, table);
                        st.execute("drop table " + l + "." + quote(table));
                        st.execute("alter table " + r + "." + quote(table) + " set schema " + l);
                        for (String statement : security) {
                            st.execute(statement);
                        }
                    }
                }
                c.commit();
                switchPauseMillis = Duration.ofNanos(System.nanoTime() - held).toMillis();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * What the live table's readers rely on beyond its shape, which {@code create table ... like} does not copy: row-level
     * security, its policies (tenant isolation) and the grants to other roles. Returned as the statements that give the
     * moved table the same.
     */
    private static List<String> securityOf(Connection c, String schema, String table) throws SQLException {
        String qualified = quote(schema) + "." + quote(table);
        List<String> statements = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select relrowsecurity, relforcerowsecurity from pg_class where oid = ?::regclass")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    statements.add("alter table " + qualified + " enable row level security");
                }
                if (rs.getRow() > 0 && rs.getBoolean(2)) {
                    statements.add("alter table " + qualified + " force row level security");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select quote_ident(p.polname), p.polpermissive,
                       case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update' when 'd' then 'delete' else 'all' end,
                       coalesce((select string_agg(quote_ident(r.rolname), ', ') from pg_roles r where r.oid = any (p.polroles)), 'public'),
                       pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
                  from pg_policy p where p.polrelid = ?::regclass order by p.polname
                """)) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statements.add("create policy " + rs.getString(1) + " on " + qualified + " as " + (rs.getBoolean(2) ? "permissive" : "restrictive")
                            + " for " + rs.getString(3) + " to " + rs.getString(4)
                            + (rs.getString(5) == null ? "" : " using (" + rs.getString(5) + ")")
                            + (rs.getString(6) == null ? "" : " with check (" + rs.getString(6) + ")"));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select grantee, string_agg(privilege_type, ', ') from information_schema.role_table_grants
                 where table_schema = ? and table_name = ? and grantee <> current_user group by grantee order by grantee
                """)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String grantee = "PUBLIC".equals(rs.getString(1)) ? "public" : quote(rs.getString(1));
                    statements.add("grant " + rs.getString(2) + " on " + qualified + " to " + grantee);
                }
            }
        }
        return statements;
    }

    /**
     * Takes every live table of the projection before touching any. A reader that joins them holds one while asking for
     * the next, so a switch waiting on the second table while holding the first would deadlock with it, and PostgreSQL
     * would cancel one of the two. Each attempt therefore waits less than the deadlock check starts (deadlock_timeout,
     * 1 s by default) and gives everything back on timeout, so the reader always goes first and never sees an error.
     */
    private boolean lockLiveTables(Connection c, String liveSchema) throws SQLException {
        StringBuilder tables = new StringBuilder();
        for (String table : definition.tables().stream().sorted().toList()) {
            tables.append(tables.isEmpty() ? "" : ", ").append(liveSchema).append('.').append(quote(table));
        }
        try (Statement st = c.createStatement()) {
            for (int attempt = 1; attempt <= TABLE_LOCK_ATTEMPTS; attempt++) {
                Savepoint beforeLocks = c.setSavepoint();
                try {
                    st.execute("set local lock_timeout = '" + TABLE_LOCK_WAIT.toMillis() + "ms'");
                    st.execute("lock table " + tables + " in access exclusive mode");
                    st.execute("set local lock_timeout to default");
                    c.releaseSavepoint(beforeLocks);
                    return true;
                } catch (SQLException e) {
                    if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(beforeLocks);
                    pause(Duration.ofMillis(10L * attempt));
                }
            }
        }
        log.info("Rebuild of {} could not take the live tables from their readers in {} attempts", definition.group(), TABLE_LOCK_ATTEMPTS);
        return false;
    }

    /**
     * The first rebuild batch that applied an event the live group had not: everything the rebuild applied before it,
     * the live group applied too (same events, positions only move forward), so the live inbox already has those rows.
     */
    private static String firstBatchBeyond(JdbcTemplate scratchJdbc, Map<TopicPartition, Long> livePositions) {
        List<String> beyond = new ArrayList<>();
        scratchJdbc.query("select applied_in::text, topic, partition, next_offset from batches order by applied_in", rs -> {
            if (beyond.isEmpty()
                    && rs.getLong(4) > livePositions.getOrDefault(new TopicPartition(rs.getString(2), rs.getInt(3)), 0L)) {
                beyond.add(rs.getString(1));
            }
        });
        return beyond.isEmpty() ? null : beyond.get(0);
    }

    private static void execute(Connection c, String sql, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, group);
            ps.executeUpdate();
        }
    }

    /** Whether {@code positions} are at or past {@code target} on every partition that has records to read. */
    private static boolean reached(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> t : target.entrySet()) {
            if (positions.getOrDefault(t.getKey(), 0L) < t.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void dropQuietly(String scratch) {
        try (Connection c = live.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + quote(scratch) + " cascade");
        } catch (SQLException e) {
            log.warn("Could not drop the scratch schema {}: {}", scratch, e.getMessage());
        }
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void pause(Duration duration) {
        if (!Backoff.pause(duration)) {
            throw new IllegalStateException("interrupted");
        }
    }

    /** The rebuild's consumers as one: positions are stored per partition in the scratch tables they share. */
    private static final class Rebuilders {

        private final List<EventConsumer> consumers = new ArrayList<>();

        Rebuilders(int count, Supplier<EventConsumer> consumer) {
            for (int i = 0; i < count; i++) {
                consumers.add(consumer.get());
            }
        }

        void start() {
            consumers.forEach(EventConsumer::start);
        }

        Map<TopicPartition, Long> storedPositions() {
            return consumers.get(0).storedPositions();
        }

        boolean isRunning() {
            return consumers.stream().allMatch(EventConsumer::isRunning);
        }

        long applied() {
            return consumers.stream().mapToLong(EventConsumer::applied).sum();
        }

        void close() {
            consumers.forEach(EventConsumer::close);
        }
    }
}
