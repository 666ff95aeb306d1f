package com.storyloop.scoring.rubrics.adapter.in.kafka;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.consumer.RejectedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.content.RubricPublished;
import com.storyloop.schemas.Topics;
import com.storyloop.scoring.rubrics.application.RubricOffers;

/**
 * Consumes accepted content from content.events: each RubricPublished becomes a rubric offered to its organisation, listed
 * with whether the engine can run it, and in effect only once an admin adopts it. Questions and example stories are the
 * practice service's business and are skipped.
 */
@Configuration
class RubricOffersConsumer {

    static final String GROUP = "scoring-rubric-offers";

    @Bean
    ConsumerDefinition scoringRubricOffersConsumer(RubricOffers offers) {
        return new ConsumerDefinition(GROUP, List.of(Topics.CONTENT_EVENTS), (event, jdbc) -> apply(offers, event, jdbc));
    }

    static void apply(RubricOffers offers, ConsumedEvent event, JdbcTemplate jdbc) {
        if (!(event.event() instanceof RubricPublished)) {
            return;
        }
        RubricPublished r = (RubricPublished) event.event();
        EventMetadata m = event.metadata();
        if (r.getProviderId() == null || r.getRubricVersion() == null || r.getDefinition() == null || r.getPackId() == null) {
            throw new RejectedEvent("MISSING_FIELD", "RubricPublished " + m.getEventId() + " lacks a provider, version, pack or definition");
        }
        // a later publication of the same version (a new pack version) refreshes the offer; registered versions never change
        jdbc.update("""
                insert into offered_rubrics (org_id, provider_id, rubric_version, pack_id, pack_version, title, definition, requires, event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (org_id, provider_id, rubric_version) do update set pack_id = excluded.pack_id, pack_version = excluded.pack_version,
                    title = excluded.title, definition = excluded.definition, requires = excluded.requires, event_id = excluded.event_id,
                    offered_at = now()
                """, m.getOrgId(), r.getProviderId(), r.getRubricVersion(), r.getPackId(), r.getPackVersion(), r.getTitle(), r.getDefinition(),
                offers.requirement(r.getRubricVersion(), r.getDefinition()), UUID.fromString(m.getEventId().toString()));
    }
}
