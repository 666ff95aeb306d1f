package com.storyloop.web.access;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.story.CoachAssigned;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.Topics;

/**
 * Client-to-coach assignments folded from the story bank's events into this service's {@code client_assignment} table
 * (Flyway location {@code classpath:db/access}), for services that do not own them. A coach sees a newly assigned client
 * here once the event has arrived, usually within a second.
 */
public final class JdbcClientAssignments implements ClientAssignments {

    private final JdbcTemplate jdbc;

    public JdbcClientAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClientAssignment> find(String orgId, String clientId) {
        List<ClientAssignment> found = jdbc.query("select org_id, client_id, coach_id from client_assignment where org_id = ? and client_id = ?",
                (rs, n) -> new ClientAssignment(rs.getString(1), rs.getString(2), rs.getString(3)), orgId, clientId);
        return found.stream().findFirst();
    }

    /** The consumer group that keeps the table, named after the service so each service's group reads the topic itself. */
    public static ConsumerDefinition consumer(String serviceName) {
        return new ConsumerDefinition(serviceName + "-client-assignments", List.of(Topics.STORY_EVENTS), JdbcClientAssignments::apply,
                List.of("client_assignment"));
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        if (event.event() instanceof StoryBankOpened opened) {
            EventMetadata m = opened.getMetadata();
            upsert(jdbc, m, opened.getCoachId());
        } else if (event.event() instanceof CoachAssigned assigned) {
            upsert(jdbc, assigned.getMetadata(), assigned.getCoachId());
        }
    }

    /** Newer bank versions win, so redelivered or reordered copies never bring an old coach back. */
    private static void upsert(JdbcTemplate jdbc, EventMetadata m, String coachId) {
        jdbc.update("""
                insert into client_assignment (org_id, client_id, coach_id, bank_version) values (?, ?, ?, ?)
                on conflict (org_id, client_id) do update set coach_id = excluded.coach_id, bank_version = excluded.bank_version
                 where client_assignment.bank_version < excluded.bank_version
                """, m.getOrgId(), m.getClientId(), coachId, m.getStreamVersion());
    }
}
