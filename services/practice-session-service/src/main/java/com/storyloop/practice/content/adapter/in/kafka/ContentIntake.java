package com.storyloop.practice.content.adapter.in.kafka;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.consumer.RejectedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.eventing.store.EventStore;
import com.storyloop.eventing.store.NewEvent;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Verdict;
import com.storyloop.events.content.ExampleStoryPublished;
import com.storyloop.events.content.QuestionPublished;
import com.storyloop.events.content.RubricPublished;
import com.storyloop.practice.content.domain.ContentAllowList;
import com.storyloop.practice.content.domain.ContentRules;
import com.storyloop.schemas.EventCodec;
import com.storyloop.schemas.Topics;

/**
 * Intake of third-party content from content.inbound: validated (allow-list, required fields, principle codes, sizes),
 * refused records dead-lettered with the rule's reason, accepted ones appended to the event store (the relay re-publishes
 * them on content.events) in the same transaction as the question bank or example library row. An item already held with the
 * same pack version and content changes nothing; a new pack version replaces the previous one (items it drops disappear).
 */
@Configuration
class ContentIntake {

    static final String GROUP = "practice-content-intake";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> allowed;
    private final EventCodec codec;

    ContentIntake(ContentAllowList allowList, EventCodec codec) {
        // the installation-wide pairs gate intake; an organisation's own list only narrows what its members are served
        this.allowed = allowList.accepted();
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
            enterPackVersion(jdbc, m.getOrgId(), q.getProviderId(), q.getPackId(), q.getPackVersion());
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
            JsonNode definition = parseObject(r.getDefinition());
            JsonNode version = definition == null ? null : definition.get("version");
            refuseIf(ContentRules.rubric(r.getPackId(), r.getPackVersion(), r.getRubricVersion(), r.getTitle(), r.getDefinition(), definition != null,
                    version == null || !version.isString() ? null : version.asString()));
            enterPackVersion(jdbc, m.getOrgId(), r.getProviderId(), r.getPackId(), r.getPackVersion());
            Integer same = jdbc.queryForObject("""
                    select count(*) from accepted_rubrics where org_id = ? and provider_id = ? and rubric_version = ? and pack_id = ?
                       and pack_version = ? and title is not distinct from ? and definition = ?
                    """, Integer.class, m.getOrgId(), r.getProviderId(), r.getRubricVersion(), r.getPackId(), r.getPackVersion(), r.getTitle(),
                    r.getDefinition());
            if (same != null && same > 0) {
                return; // the same pack sent again
            }
            // scoring-service turns it into an offer to the organisation; whether its engine can run it is decided there
            republish(jdbc, record, m);
            jdbc.update("""
                    insert into accepted_rubrics (org_id, provider_id, rubric_version, pack_id, pack_version, title, definition)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (org_id, provider_id, rubric_version) do update set pack_id = excluded.pack_id,
                        pack_version = excluded.pack_version, title = excluded.title, definition = excluded.definition, accepted_at = now()
                    """, m.getOrgId(), r.getProviderId(), r.getRubricVersion(), r.getPackId(), r.getPackVersion(), r.getTitle(), r.getDefinition());
        } else if (record instanceof ExampleStoryPublished x) {
            refuseIf(ContentRules.provider(allowed, m.getOrgId(), x.getProviderId(), event.key()));
            List<String> principles = x.getPrinciples().stream().map(PrincipleCode::name).toList();
            refuseIf(ContentRules.exampleStory(x.getPackId(), x.getPackVersion(), x.getExampleId(), x.getTitle(), principles,
                    x.getLevel() != Level.UNKNOWN, x.getVerdict() != Verdict.UNKNOWN, x.getSituation(), x.getTask(), x.getAction(), x.getResult(),
                    x.getText(), x.getCommentary()));
            enterPackVersion(jdbc, m.getOrgId(), x.getProviderId(), x.getPackId(), x.getPackVersion());
            String level = x.getLevel() == null ? null : x.getLevel().name();
            Object[] codes = principles.toArray();
            Integer same = jdbc.queryForObject("""
                    select count(*) from example_stories where org_id = ? and provider_id = ? and example_id = ? and pack_id = ?
                       and pack_version = ? and title = ? and principles = ? and level is not distinct from ? and verdict = ?
                       and situation is not distinct from ? and task is not distinct from ? and action is not distinct from ?
                       and result is not distinct from ? and story_text is not distinct from ? and commentary is not distinct from ?
                    """, Integer.class, m.getOrgId(), x.getProviderId(), x.getExampleId(), x.getPackId(), x.getPackVersion(), x.getTitle(),
                    array(jdbc, codes), level, x.getVerdict().name(), x.getSituation(), x.getTask(), x.getAction(), x.getResult(), x.getText(),
                    x.getCommentary());
            if (same != null && same > 0) {
                return; // the same pack sent again
            }
            republish(jdbc, record, m);
            jdbc.update("""
                    insert into example_stories (org_id, provider_id, example_id, pack_id, pack_version, title, principles, level, verdict,
                        situation, task, action, result, story_text, commentary)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (org_id, provider_id, example_id) do update set pack_id = excluded.pack_id, pack_version = excluded.pack_version,
                        title = excluded.title, principles = excluded.principles, level = excluded.level, verdict = excluded.verdict,
                        situation = excluded.situation, task = excluded.task, action = excluded.action, result = excluded.result,
                        story_text = excluded.story_text, commentary = excluded.commentary, accepted_at = now()
                    """, m.getOrgId(), x.getProviderId(), x.getExampleId(), x.getPackId(), x.getPackVersion(), x.getTitle(), array(jdbc, codes),
                    level, x.getVerdict().name(), x.getSituation(), x.getTask(), x.getAction(), x.getResult(), x.getText(), x.getCommentary());
        } else {
            throw new RejectedEvent("NOT_CONTENT", "content.inbound takes QuestionPublished, RubricPublished or ExampleStoryPublished, not "
                    + record.getSchema().getName());
        }
    }

    /**
     * Makes the item's pack version the pack's current one. A version not seen before supersedes the current one: the items
     * of the previous version leave the bank and the library, and the new version's items come back one by one as they
     * arrive (one key per provider keeps a pack's records in order). An older version arriving after a newer one is refused,
     * so a stale resend cannot undo a newer pack.
     */
    private static void enterPackVersion(JdbcTemplate jdbc, String orgId, String providerId, String packId, String packVersion) {
        List<String> current = jdbc.queryForList("""
                select pack_version from content_pack_versions where org_id = ? and provider_id = ? and pack_id = ? and current for update
                """, String.class, orgId, providerId, packId);
        if (!current.isEmpty() && current.get(0).equals(packVersion)) {
            return;
        }
        Integer seen = jdbc.queryForObject("select count(*) from content_pack_versions where org_id = ? and provider_id = ? and pack_id = ? "
                + "and pack_version = ?", Integer.class, orgId, providerId, packId, packVersion);
        if (seen != null && seen > 0) {
            throw new RejectedEvent("STALE_PACK_VERSION", "Pack " + packId + " of " + providerId + " is at version " + current.get(0)
                    + "; version " + packVersion + " was superseded");
        }
        jdbc.update("update content_pack_versions set current = false where org_id = ? and provider_id = ? and pack_id = ? and current",
                orgId, providerId, packId);
        jdbc.update("insert into content_pack_versions (org_id, provider_id, pack_id, pack_version, current) values (?, ?, ?, ?, true)",
                orgId, providerId, packId, packVersion);
        for (String table : List.of("provider_questions", "example_stories")) {
            jdbc.update("delete from " + table + " where org_id = ? and provider_id = ? and pack_id = ? and pack_version <> ?",
                    orgId, providerId, packId, packVersion);
        }
    }

    /** The document as a JSON object, or null when it is not one. */
    private static JsonNode parseObject(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
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
