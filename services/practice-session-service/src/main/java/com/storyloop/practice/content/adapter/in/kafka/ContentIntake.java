package com.storyloop.practice.content.adapter.in.kafka;

import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.consumer.RejectedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.eventing.store.EventStore;
import com.storyloop.eventing.store.NewEvent;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.content.ExampleStoryPublished;
import com.storyloop.events.content.QuestionPublished;
import com.storyloop.events.content.RubricPublished;
import com.storyloop.practice.content.domain.ContentRules;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;

/**
 * Intake of third-party content from content.inbound: validated (allow-list, required fields, principle codes, sizes),
 * refused records dead-lettered with the rule's reason, accepted ones appended to the event store (the relay re-publishes
 * them on content.events) in the same transaction as the question bank row. A question already held with the same pack
 * version and content changes nothing; a new pack version replaces it by id.
 */
@Configuration
class ContentIntake {

    static final String GROUP = "practice-content-intake";

    private final Set<String> allowed;
    private final EventCodec codec;

    ContentIntake(@Value("${storyloop.content.allowed-providers:}") String allowedProviders, EventCodec codec) {
        this.allowed = Arrays.stream(allowedProviders.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        this.codec = codec;
    }

    @Bean
    ConsumerDefinition contentIntakeConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.CONTENT_INBOUND), this::apply);
    }

    void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        SpecificRecord record = event.event();
        EventMetadata m = event.metadata();
        if (record instanceof QuestionPublished q) {
            refuseIf(ContentRules.provider(allowed, m.getOrgId(), q.getProviderId(), event.key()));
            boolean knownLevel = q.getLevel() == null || q.getLevel() != Level.UNKNOWN;
            refuseIf(ContentRules.question(q.getPackId(), q.getPackVersion(), q.getQuestionId(), q.getPrinciple() != PrincipleCode.UNKNOWN, knownLevel,
                    q.getText(), q.getProbes()));
            Object[] probes = q.getProbes().toArray();
            String level = q.getLevel() == null ? null : q.getLevel().name();
            Integer same = jdbc.queryForObject("""
                    select count(*) from provider_questions where org_id = ? and provider_id = ? and question_id = ? and pack_id = ?
                       and pack_version = ? and principle = ? and level is not distinct from ? and text = ? and probes = ?
                    """, Integer.class, m.getOrgId(), q.getProviderId(), q.getQuestionId(), q.getPackId(), q.getPackVersion(), q.getPrinciple().name(),
                    level, q.getText(), array(jdbc, probes));
            if (same != null && same > 0) {
                return; // the same pack sent again: nothing changes, nothing is re-published
            }
            republish(jdbc, record, m);
            jdbc.update("""
                    insert into provider_questions (org_id, provider_id, question_id, pack_id, pack_version, principle, level, text, probes)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (org_id, provider_id, question_id) do update set pack_id = excluded.pack_id, pack_version = excluded.pack_version,
                        principle = excluded.principle, level = excluded.level, text = excluded.text, probes = excluded.probes, accepted_at = now()
                    """, m.getOrgId(), q.getProviderId(), q.getQuestionId(), q.getPackId(), q.getPackVersion(), q.getPrinciple().name(), level,
                    q.getText(), array(jdbc, probes));
        } else if (record instanceof RubricPublished r) {
            refuseIf(ContentRules.provider(allowed, m.getOrgId(), r.getProviderId(), event.key()));
            if (r.getRubricVersion() == null || r.getRubricVersion().isBlank() || r.getDefinition() == null || r.getDefinition().isBlank()) {
                throw new RejectedEvent("MISSING_FIELD", "A rubric needs a rubricVersion and a definition");
            }
            republish(jdbc, record, m);
        } else if (record instanceof ExampleStoryPublished x) {
            refuseIf(ContentRules.provider(allowed, m.getOrgId(), x.getProviderId(), event.key()));
            if (x.getExampleId() == null || x.getExampleId().isBlank() || x.getTitle() == null || x.getTitle().isBlank()) {
                throw new RejectedEvent("MISSING_FIELD", "An example story needs an exampleId and a title");
            }
            republish(jdbc, record, m);
        } else {
            throw new RejectedEvent("NOT_CONTENT", "content.inbound takes QuestionPublished, RubricPublished or ExampleStoryPublished, not "
                    + record.getSchema().getName());
        }
    }

    private static void refuseIf(java.util.Optional<ContentRules.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw new RejectedEvent(r.reason(), r.message());
        });
    }

    /** Appends the accepted event, unchanged, to a new stream of its own in the batch's transaction; the relay sends it to content.events. */
    private void republish(JdbcTemplate jdbc, SpecificRecord record, EventMetadata m) {
        UUID eventId = UUID.fromString(m.getEventId().toString());
        new EventStore(jdbc.getDataSource()).append("content-" + eventId, 0,
                List.of(new NewEvent(eventId, record.getSchema().getName(), m.getClientId(), m.getOrgId(), codec.encode(record))));
    }

    private static java.sql.Array array(JdbcTemplate jdbc, Object[] values) {
        return jdbc.execute((ConnectionCallback<java.sql.Array>) (Connection c) -> c.createArrayOf("text", values));
    }
}
