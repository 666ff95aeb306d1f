package com.storyloop.scoring.rubrics.adapter.out.eventstore;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.events.EventMetadata;
import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.rubrics.application.OrgAdoptions;
import com.storyloop.scoring.rubrics.domain.RubricAdopted;
import com.storyloop.scoring.rubrics.domain.RubricAdoptionDecider;
import com.storyloop.scoring.scorecards.domain.ScorecardStreams;

/**
 * An organisation's adoptions as the stream {@code rubric-adoption/<orgId>} of RubricAdopted events (key: the orgId,
 * carried in metadata.clientId), plus the {@code organisations} row the scoring of new revisions reads.
 */
@Repository
class EventSourcedOrgAdoptions implements OrgAdoptions {

    private final AvroEventStore store;
    private final JdbcTemplate jdbc;

    EventSourcedOrgAdoptions(AvroEventStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void lockOrganisation(String orgId) {
        // the same key the scoring of new revisions takes in shared mode (JdbcScoringPersistence); no transaction id taken
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "org-rubric:" + orgId);
    }

    @Override
    public Loaded load(String orgId) {
        List<RubricAdopted> history = new ArrayList<>();
        for (SpecificRecord record : store.load(ScorecardStreams.rubricAdoptions(orgId))) {
            if (record instanceof com.storyloop.events.scoring.RubricAdopted) {
                com.storyloop.events.scoring.RubricAdopted adopted = (com.storyloop.events.scoring.RubricAdopted) record;
                history.add(new RubricAdopted(orgId, adopted.getRubricVersion(), adopted.getPreviousRubricVersion(),
                        adopted.getMetadata().getOccurredAt()));
            }
        }
        return new Loaded(RubricAdoptionDecider.fold(orgId, history), history.size());
    }

    @Override
    public UUID append(RubricAdopted adopted, long expectedVersion, Provenance provenance, EventContext context) {
        UUID eventId = UUID.randomUUID();
        String providerId = provenance.providerId();
        String packVersion = provenance.packVersion();
        String stream = ScorecardStreams.rubricAdoptions(adopted.orgId());
        com.storyloop.events.scoring.RubricAdopted event = com.storyloop.events.scoring.RubricAdopted.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(eventId).setOrgId(adopted.orgId()).setClientId(adopted.orgId())
                        .setStreamId(stream).setStreamVersion(expectedVersion + 1).setOccurredAt(adopted.occurredAt())
                        .setCorrelationId(context.correlationId()).setCausationId(null).setActor(context.actor()).build())
                .setRubricVersion(adopted.rubricVersion()).setPreviousRubricVersion(adopted.previousVersion()).setProviderId(providerId)
                .setPackVersion(packVersion).build();
        // the append first: it must be the transaction's first write (EventStore.append)
        store.append(stream, expectedVersion, List.of(event));
        jdbc.update("""
                insert into organisations (org_id, rubric_version, adopted_at) values (?, ?, ?)
                on conflict (org_id) do update set rubric_version = excluded.rubric_version, adopted_at = excluded.adopted_at
                """, adopted.orgId(), adopted.rubricVersion(), Timestamp.from(adopted.occurredAt()));
        return eventId;
    }

    @Override
    public Optional<String> adoptedVersion(String orgId) {
        return jdbc.queryForList("select rubric_version from organisations where org_id = ?", String.class, orgId).stream().findFirst();
    }
}
