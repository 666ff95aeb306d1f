package com.storyloop.story.stories.adapter.out.eventstore;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.stories.application.StoryRepository;
import com.storyloop.story.stories.domain.DeepDiveSection;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.story.stories.domain.Story;
import com.storyloop.story.stories.domain.StoryBody;
import com.storyloop.story.stories.domain.StoryDecider;
import com.storyloop.story.stories.domain.StoryEvent;
import com.storyloop.story.stories.domain.StoryText;

/** Stories as event streams in the service's event store, plus their summary row; Avro stays in this adapter. */
@Repository
class EventSourcedStoryRepository implements StoryRepository {

    private final AvroEventStore store;
    private final JdbcTemplate jdbc;

    EventSourcedStoryRepository(AvroEventStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Loaded> load(String storyId) {
        List<StoryEvent> events = history(storyId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Loaded(StoryDecider.fold(events), events.size()));
    }

    @Override
    public List<StoryEvent> history(String storyId) {
        List<StoryEvent> events = new ArrayList<>();
        for (SpecificRecord record : store.load(storyId)) {
            StoryEvent event = StoryEvents.toDomain(record);
            if (event == null) {
                // a bank event under this id: the id names a bank, not a story
                return List.of();
            }
            events.add(event);
        }
        return events;
    }

    @Override
    public int lockBankAndCountStories(String bankId) {
        // an advisory lock takes no transaction id, so it does not count as the transaction's first write
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "drafts-into-bank:" + bankId);
        Integer count = jdbc.queryForObject("select count(*) from story_summaries where bank_id = ?", Integer.class, bankId);
        return count == null ? 0 : count;
    }

    @Override
    public long append(Story before, long expectedVersion, List<StoryEvent> events, EventContext context) {
        if (events.isEmpty()) {
            return expectedVersion;
        }
        List<SpecificRecord> records = new ArrayList<>();
        Story state = before;
        long version = expectedVersion;
        for (StoryEvent event : events) {
            state = StoryDecider.evolve(state, event);
            records.add(StoryEvents.toAvro(event, state, metadata(state, ++version, context, event.occurredAt())));
        }
        // the append first: it must be the transaction's first write (EventStore.append); the summary follows it
        long newVersion = store.append(state.storyId(), expectedVersion, records);
        writeSummary(state, newVersion, events.get(events.size() - 1).occurredAt());
        return newVersion;
    }

    private void writeSummary(Story story, long version, Instant changedAt) {
        StoryText text = story.text();
        String[] principles = text.principles().stream().map(Enum::name).toArray(String[]::new);
        Timestamp at = Timestamp.from(changedAt);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into story_summaries (story_id, bank_id, org_id, client_id, title, revision, version, format, principles, project_tag,
                                                 word_count, has_deep_dive, retired, drafted_at, changed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (story_id) do update set title = excluded.title, revision = excluded.revision, version = excluded.version,
                        format = excluded.format, principles = excluded.principles, project_tag = excluded.project_tag,
                        word_count = excluded.word_count, has_deep_dive = excluded.has_deep_dive, retired = excluded.retired,
                        changed_at = excluded.changed_at
                    """)) {
                insert.setString(1, story.storyId());
                insert.setString(2, story.bankId());
                insert.setString(3, story.orgId());
                insert.setString(4, story.clientId());
                insert.setString(5, text.title());
                insert.setInt(6, story.revision());
                insert.setLong(7, version);
                insert.setString(8, text.body() instanceof StoryBody.Star ? "STAR" : "TEXT");
                insert.setArray(9, connection.createArrayOf("text", principles));
                insert.setString(10, text.projectTag());
                insert.setInt(11, text.body().wordCount());
                insert.setBoolean(12, !story.deepDive().isEmpty());
                insert.setBoolean(13, story.retired());
                insert.setTimestamp(14, at);
                insert.setTimestamp(15, at);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static EventMetadata metadata(Story state, long version, EventContext context, Instant occurredAt) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOrgId(state.orgId())
                .setClientId(state.clientId())
                .setStreamId(state.storyId())
                .setStreamVersion(version)
                .setOccurredAt(occurredAt)
                .setCorrelationId(context.correlationId())
                .setCausationId(null)
                .setActor(context.actor())
                .build();
    }

    /** The mapping between the domain's events and the catalogued Avro records. */
    static final class StoryEvents {

        private StoryEvents() {
        }

        static SpecificRecord toAvro(StoryEvent event, Story after, EventMetadata metadata) {
            if (event instanceof StoryEvent.StoryDrafted drafted) {
                StoryText text = drafted.text();
                StoryBody.Star star = text.body() instanceof StoryBody.Star s ? s : null;
                return com.storyloop.events.story.StoryDrafted.newBuilder()
                        .setMetadata(metadata)
                        .setBankId(drafted.bankId())
                        .setStoryId(drafted.storyId())
                        .setRevision(1)
                        .setTitle(text.title())
                        .setSituation(star == null ? null : star.situation())
                        .setTask(star == null ? null : star.task())
                        .setAction(star == null ? null : star.action())
                        .setResult(star == null ? null : star.result())
                        .setText(text.body() instanceof StoryBody.FreeText free ? free.text() : null)
                        .setPrinciples(codes(text.principles()))
                        .setProjectTag(text.projectTag())
                        .build();
            }
            if (event instanceof StoryEvent.StoryRevised revised) {
                StoryText text = revised.text();
                StoryBody.Star star = text.body() instanceof StoryBody.Star s ? s : null;
                return com.storyloop.events.story.StoryRevised.newBuilder()
                        .setMetadata(metadata)
                        .setBankId(after.bankId())
                        .setStoryId(revised.storyId())
                        .setRevision(revised.revision())
                        .setTitle(text.title())
                        .setSituation(star == null ? null : star.situation())
                        .setTask(star == null ? null : star.task())
                        .setAction(star == null ? null : star.action())
                        .setResult(star == null ? null : star.result())
                        .setText(text.body() instanceof StoryBody.FreeText free ? free.text() : null)
                        .setPrinciples(codes(text.principles()))
                        .setProjectTag(text.projectTag())
                        .setNote(revised.note())
                        .build();
            }
            if (event instanceof StoryEvent.PrinciplesClaimed claimed) {
                return com.storyloop.events.story.PrinciplesClaimed.newBuilder()
                        .setMetadata(metadata)
                        .setBankId(after.bankId())
                        .setStoryId(claimed.storyId())
                        .setRevision(claimed.revision())
                        .setPrinciples(codes(claimed.principles()))
                        .build();
            }
            if (event instanceof StoryEvent.DeepDiveAttached attached) {
                return com.storyloop.events.story.DeepDiveAttached.newBuilder()
                        .setMetadata(metadata)
                        .setBankId(after.bankId())
                        .setStoryId(attached.storyId())
                        .setSections(attached.sections().stream()
                                .map(s -> com.storyloop.events.story.DeepDiveSection.newBuilder().setHeading(s.heading()).setText(s.text()).build())
                                .toList())
                        .build();
            }
            if (event instanceof StoryEvent.StoryRetired retired) {
                return com.storyloop.events.story.StoryRetired.newBuilder()
                        .setMetadata(metadata)
                        .setBankId(after.bankId())
                        .setStoryId(retired.storyId())
                        .setReason(retired.reason())
                        .build();
            }
            if (event instanceof StoryEvent.StoryRestored restored) {
                return com.storyloop.events.story.StoryRestored.newBuilder()
                        .setMetadata(metadata)
                        .setBankId(after.bankId())
                        .setStoryId(restored.storyId())
                        .build();
            }
            throw new IllegalArgumentException("Unmapped event " + event);
        }

        /** The domain event, or null when the record is not a story event. */
        static StoryEvent toDomain(SpecificRecord record) {
            if (record instanceof com.storyloop.events.story.StoryDrafted d) {
                EventMetadata m = d.getMetadata();
                StoryText text = new StoryText(d.getTitle(), body(d.getSituation(), d.getTask(), d.getAction(), d.getResult(), d.getText()),
                        principles(d.getPrinciples()), d.getProjectTag());
                return new StoryEvent.StoryDrafted(d.getStoryId(), d.getBankId(), m.getOrgId(), m.getClientId(), text, m.getOccurredAt());
            }
            if (record instanceof com.storyloop.events.story.StoryRevised r) {
                StoryText text = new StoryText(r.getTitle(), body(r.getSituation(), r.getTask(), r.getAction(), r.getResult(), r.getText()),
                        principles(r.getPrinciples()), r.getProjectTag());
                return new StoryEvent.StoryRevised(r.getStoryId(), r.getRevision(), text, r.getNote(), r.getMetadata().getOccurredAt());
            }
            if (record instanceof com.storyloop.events.story.PrinciplesClaimed c) {
                return new StoryEvent.PrinciplesClaimed(c.getStoryId(), c.getRevision(), principles(c.getPrinciples()),
                        c.getMetadata().getOccurredAt());
            }
            if (record instanceof com.storyloop.events.story.DeepDiveAttached a) {
                return new StoryEvent.DeepDiveAttached(a.getStoryId(),
                        a.getSections().stream().map(s -> new DeepDiveSection(s.getHeading(), s.getText())).toList(), a.getMetadata().getOccurredAt());
            }
            if (record instanceof com.storyloop.events.story.StoryRetired r) {
                return new StoryEvent.StoryRetired(r.getStoryId(), r.getReason(), r.getMetadata().getOccurredAt());
            }
            if (record instanceof com.storyloop.events.story.StoryRestored r) {
                return new StoryEvent.StoryRestored(r.getStoryId(), r.getMetadata().getOccurredAt());
            }
            return null;
        }

        private static StoryBody body(String situation, String task, String action, String result, String text) {
            return text != null ? new StoryBody.FreeText(text) : new StoryBody.Star(situation, task, action, result);
        }

        private static List<PrincipleCode> codes(List<Principle> principles) {
            return principles.stream().map(p -> PrincipleCode.valueOf(p.name())).toList();
        }

        /** Codes a newer writer added read as UNKNOWN here: they are left out rather than misread. */
        private static List<Principle> principles(List<PrincipleCode> codes) {
            List<Principle> principles = new ArrayList<>();
            for (PrincipleCode code : codes) {
                Principle.ofCode(code.name()).ifPresent(principles::add);
            }
            return principles;
        }
    }
}
