package com.storyloop.eventing.rebuild;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;

import com.storyloop.eventing.consumer.DeadLetters;
import com.storyloop.eventing.rebuild.RebuildProgress.State;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.schemas.EventCodec;
import com.zaxxer.hikari.HikariDataSource;

/** The service's projections and their rebuilds: at most one running per projection. */
public final class ProjectionRebuilds {

    /** Why a rebuild cannot start. */
    public static final class RebuildRefused extends RuntimeException {

        private final boolean unknown;

        RebuildRefused(String message, boolean unknown) {
            super(message);
            this.unknown = unknown;
        }

        /** True when no projection has that name (404), false when it exists but cannot be rebuilt now (409). */
        public boolean unknownProjection() {
            return unknown;
        }
    }

    private final Map<String, ConsumerDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ProjectionRebuild> latest = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private final String bootstrapServers;
    private final Map<String, String> clientSecurity;

    public ProjectionRebuilds(List<ConsumerDefinition> definitions, DataSource dataSource, EventCodec codec, Producer<String, byte[]> producer,
                              String bootstrapServers, Map<String, String> clientSecurity) {
        definitions.forEach(d -> this.definitions.put(d.group(), d));
        this.dataSource = dataSource;
        this.codec = codec;
        this.producer = producer;
        this.bootstrapServers = bootstrapServers;
        this.clientSecurity = Map.copyOf(clientSecurity);
    }

    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    public Optional<RebuildProgress> progress(String name) {
        ConsumerDefinition definition = definitions.get(name);
        if (definition == null) {
            return Optional.empty();
        }
        ProjectionRebuild rebuild = latest.get(name);
        return Optional.of(rebuild != null ? rebuild.progress()
                : new RebuildProgress(name, State.NEVER_RUN, definition.topics(), definition.tables(), null, null, 0, 0, 0, 0, null, null, null));
    }

    public synchronized RebuildProgress start(String name) {
        ConsumerDefinition definition = definitions.get(name);
        if (definition == null) {
            throw new RebuildRefused("No projection named " + name + "; this service has " + names(), true);
        }
        if (definition.tables().isEmpty()) {
            throw new RebuildRefused("Projection " + name + " does not declare the tables it writes, so it cannot be rebuilt", false);
        }
        ProjectionRebuild current = latest.get(name);
        if (current != null && current.progress().running()) {
            throw new RebuildRefused("A rebuild of " + name + " is already running", false);
        }
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new RebuildRefused("Rebuilds need a HikariCP data source: " + e.getMessage(), false);
        }
        ProjectionRebuild rebuild = new ProjectionRebuild(definition, hikari, codec, new DeadLetters(producer, definition.group()), bootstrapServers,
                clientSecurity);
        latest.put(name, rebuild);
        Thread worker = new Thread(rebuild, "rebuild-" + name);
        worker.setDaemon(true);
        worker.start();
        return rebuild.progress();
    }
}
