package com.storyloop.story.bank.adapter.out.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.story.bank.application.BankRepository;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.bank.domain.BankEvent;
import com.storyloop.story.bank.domain.BankRuleViolation;
import com.storyloop.story.bank.domain.StoryBank;
import com.storyloop.story.bank.domain.StoryBankDecider;
import com.storyloop.story.bank.domain.TargetLevel;

/** Banks as event streams in the service's event store; Avro stays in this adapter. */
@Repository
class EventSourcedBankRepository implements BankRepository {

    private final AvroEventStore store;
    private final JdbcTemplate jdbc;

    EventSourcedBankRepository(AvroEventStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Loaded> load(String bankId) {
        List<SpecificRecord> records = store.load(bankId);
        if (records.isEmpty() || !(records.get(0) instanceof com.storyloop.events.story.StoryBankOpened)) {
            // no stream, or another aggregate's (a story id asked for as a bank): no such bank
            return Optional.empty();
        }
        List<BankEvent> events = new ArrayList<>();
        for (SpecificRecord record : records) {
            events.add(toDomain(record));
        }
        return Optional.of(new Loaded(StoryBankDecider.fold(events), records.size()));
    }

    @Override
    public Optional<String> bankIdOfClient(String orgId, String clientId) {
        return jdbc.queryForList("select bank_id from banks_by_client where org_id = ? and client_id = ?", String.class, orgId, clientId)
                .stream().findFirst();
    }

    @Override
    public long append(StoryBank before, long expectedVersion, List<BankEvent> events, EventContext context) {
        List<SpecificRecord> records = new ArrayList<>();
        StoryBank state = before;
        long version = expectedVersion;
        for (BankEvent event : events) {
            state = StoryBankDecider.evolve(state, event);
            records.add(toAvro(event, state, ++version, context));
        }
        long newVersion = store.append(events.get(0).bankId(), expectedVersion, records);
        for (BankEvent event : events) {
            if (event instanceof BankEvent.StoryBankOpened opened) {
                try {
                    jdbc.update("insert into banks_by_client (org_id, client_id, bank_id) values (?, ?, ?)", opened.orgId(), opened.clientId(),
                            opened.bankId());
                } catch (DuplicateKeyException e) {
                    throw new BankRuleViolation("clientId", "Client " + opened.clientId() + " already has a story bank");
                }
            }
        }
        return newVersion;
    }

    private static EventMetadata metadata(StoryBank state, long version, EventContext context, Instant occurredAt) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOrgId(state.orgId())
                .setClientId(state.clientId())
                .setStreamId(state.bankId())
                .setStreamVersion(version)
                .setOccurredAt(occurredAt)
                .setCorrelationId(context.correlationId())
                .setCausationId(null)
                .setActor(context.actor())
                .build();
    }

    private static SpecificRecord toAvro(BankEvent event, StoryBank after, long version, EventContext context) {
        if (event instanceof BankEvent.StoryBankOpened opened) {
            return com.storyloop.events.story.StoryBankOpened.newBuilder()
                    .setMetadata(metadata(after, version, context, opened.occurredAt()))
                    .setBankId(opened.bankId())
                    .setCoachId(opened.coachId())
                    .setTargetRole(opened.targetRole())
                    .setTargetLevel(Level.valueOf(opened.targetLevel().name()))
                    .setInterviewDate(opened.interviewDate())
                    .build();
        }
        if (event instanceof BankEvent.InterviewDateSet set) {
            return com.storyloop.events.story.InterviewDateSet.newBuilder()
                    .setMetadata(metadata(after, version, context, set.occurredAt()))
                    .setBankId(set.bankId())
                    .setInterviewDate(set.interviewDate())
                    .build();
        }
        if (event instanceof BankEvent.CoachAssigned assigned) {
            return com.storyloop.events.story.CoachAssigned.newBuilder()
                    .setMetadata(metadata(after, version, context, assigned.occurredAt()))
                    .setBankId(assigned.bankId())
                    .setCoachId(assigned.coachId())
                    .setPreviousCoachId(assigned.previousCoachId())
                    .build();
        }
        throw new IllegalArgumentException("Unmapped event " + event);
    }

    private static BankEvent toDomain(SpecificRecord record) {
        if (record instanceof com.storyloop.events.story.StoryBankOpened opened) {
            EventMetadata m = opened.getMetadata();
            return new BankEvent.StoryBankOpened(opened.getBankId(), m.getOrgId(), m.getClientId(), opened.getCoachId(),
                    opened.getTargetRole(), TargetLevel.valueOf(opened.getTargetLevel().name()), opened.getInterviewDate(), m.getOccurredAt());
        }
        if (record instanceof com.storyloop.events.story.InterviewDateSet set) {
            return new BankEvent.InterviewDateSet(set.getBankId(), set.getInterviewDate(), set.getMetadata().getOccurredAt());
        }
        if (record instanceof com.storyloop.events.story.CoachAssigned assigned) {
            return new BankEvent.CoachAssigned(assigned.getBankId(), assigned.getCoachId(), assigned.getPreviousCoachId(),
                    assigned.getMetadata().getOccurredAt());
        }
        throw new IllegalStateException("Unknown bank event " + record.getSchema().getName());
    }
}
