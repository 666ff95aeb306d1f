package com.storyloop.practice.stories.adapter.in.kafka;

import java.sql.Connection;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRestored;
import com.storyloop.events.story.StoryRetired;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.Topics;

/**
 * The planner's local copy of each client's bank: stories (latest revision, claimed principles, retired or not) from
 * story.events, and the latest scored revision (overall, verdict, per-principle fit) from scoring.events. Redelivery is
 * absorbed by the consumer's inbox and by stream-version and revision guards. An event only ever changes a story of the
 * organisation and client its metadata names, so an event naming another tenant's story id changes nothing.
 */
@Configuration
class ClientStoriesProjection {

    static final String GROUP = "practice-client-stories";
    /** Story updates apply only to the organisation and client the event's metadata names. */
    private static final String OWNED = " and org_id = ? and client_id = ?";

    @Bean
    ConsumerDefinition clientStoriesConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS), ClientStoriesProjection::apply);
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        Object e = event.event();
        if (e instanceof StoryBankOpened opened) {
            EventMetadata m = opened.getMetadata();
            String level = opened.getTargetLevel() == null || opened.getTargetLevel() == com.storyloop.events.Level.UNKNOWN ? null
                    : opened.getTargetLevel().name();
            jdbc.update("insert into client_banks (org_id, client_id, bank_id, target_level) values (?, ?, ?, ?) on conflict do nothing",
                    m.getOrgId(), m.getClientId(), opened.getBankId(), level);
        } else if (e instanceof StoryDrafted drafted) {
            EventMetadata m = drafted.getMetadata();
            jdbc.update("""
                    insert into client_stories (story_id, org_id, client_id, bank_id, title, revision, principles, last_version)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (story_id) do nothing
                    """, drafted.getStoryId(), m.getOrgId(), m.getClientId(), drafted.getBankId(), drafted.getTitle(), drafted.getRevision(),
                    codes(jdbc, drafted.getPrinciples()), m.getStreamVersion());
        } else if (e instanceof StoryRevised revised) {
            EventMetadata m = revised.getMetadata();
            jdbc.update("update client_stories set title = ?, revision = ?, principles = ?, last_version = ? where story_id = ? and last_version < ?"
                    + OWNED, revised.getTitle(), revised.getRevision(), codes(jdbc, revised.getPrinciples()), m.getStreamVersion(), revised.getStoryId(),
                    m.getStreamVersion(), m.getOrgId(), m.getClientId());
        } else if (e instanceof PrinciplesClaimed claimed) {
            EventMetadata m = claimed.getMetadata();
            jdbc.update("update client_stories set principles = ?, last_version = ? where story_id = ? and last_version < ?" + OWNED,
                    codes(jdbc, claimed.getPrinciples()), m.getStreamVersion(), claimed.getStoryId(), m.getStreamVersion(), m.getOrgId(), m.getClientId());
        } else if (e instanceof StoryRetired retired) {
            retired(jdbc, retired.getMetadata(), retired.getStoryId(), true);
        } else if (e instanceof StoryRestored restored) {
            retired(jdbc, restored.getMetadata(), restored.getStoryId(), false);
        } else if (e instanceof RevisionScored scored) {
            EventMetadata m = scored.getMetadata();
            // a score may arrive before its story; once the story is known, a score from another organisation or client is ignored
            Integer foreign = jdbc.queryForObject("select count(*) from client_stories where story_id = ? and (org_id <> ? or client_id <> ?)",
                    Integer.class, scored.getStoryId(), m.getOrgId(), m.getClientId());
            if (foreign != null && foreign > 0) {
                return;
            }
            int changed = jdbc.update("""
                    insert into story_scores (story_id, org_id, revision, overall, verdict) values (?, ?, ?, ?, ?)
                    on conflict (story_id) do update set revision = excluded.revision, overall = excluded.overall, verdict = excluded.verdict
                    where story_scores.revision <= excluded.revision and story_scores.org_id = excluded.org_id
                    """, scored.getStoryId(), m.getOrgId(), scored.getRevision(), scored.getOverall(), scored.getVerdict().name());
            if (changed > 0) {
                jdbc.update("delete from story_fits where story_id = ?", scored.getStoryId());
                for (PrincipleFit fit : scored.getPrinciples()) {
                    if (fit.getCode() != PrincipleCode.UNKNOWN) {
                        jdbc.update("insert into story_fits (story_id, principle, fit) values (?, ?, ?)", scored.getStoryId(), fit.getCode().name(),
                                fit.getFit());
                    }
                }
            }
        }
    }

    private static void retired(JdbcTemplate jdbc, EventMetadata m, String storyId, boolean retired) {
        jdbc.update("update client_stories set retired = ?, last_version = ? where story_id = ? and last_version < ?" + OWNED, retired,
                m.getStreamVersion(), storyId, m.getStreamVersion(), m.getOrgId(), m.getClientId());
    }

    private static java.sql.Array codes(JdbcTemplate jdbc, List<PrincipleCode> principles) {
        Object[] names = principles.stream().filter(p -> p != PrincipleCode.UNKNOWN).map(Enum::name).toArray();
        return jdbc.execute((ConnectionCallback<java.sql.Array>) (Connection c) -> c.createArrayOf("text", names));
    }
}
