package com.storyloop.coverage.timeline.adapter.in.kafka;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.scoring.CoachScored;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.Topics;

/**
 * Keeps every revision's text, every scorecard and every coach score for the story timeline and analytics. A revision and a scorecard are immutable and
 * unique by key, so a redelivery (also skipped by the inbox) changes nothing, and a scorecard may arrive before its revision.
 */
@Configuration
public class StoryTimelineProjection {

    public static final String GROUP = "coverage-story-timeline";

    @Bean
    ConsumerDefinition storyTimelineConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS), StoryTimelineProjection::apply, List.of("timeline_revision", "timeline_score", "coach_score"));
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        Object e = event.event();
        if (e instanceof StoryDrafted d) {
            revision(jdbc, d.getMetadata(), d.getStoryId(), d.getRevision(), d.getSituation(), d.getTask(), d.getAction(), d.getResult(), d.getText());
        } else if (e instanceof StoryRevised r) {
            revision(jdbc, r.getMetadata(), r.getStoryId(), r.getRevision(), r.getSituation(), r.getTask(), r.getAction(), r.getResult(), r.getText());
        } else if (e instanceof CoachScored c) {
            EventMetadata m = c.getMetadata();
            String dimensions = c.getDimensions().stream().map(d -> d.getDimension().name() + "=" + d.getScore()).collect(Collectors.joining(","));
            jdbc.update("""
                    insert into coach_score (event_id, org_id, story_id, revision, coach_id, dimensions, verdict, occurred_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, m.getEventId(), m.getOrgId(), c.getStoryId(), c.getRevision(), c.getCoachId(), dimensions, c.getVerdict().name(),
                    Timestamp.from(m.getOccurredAt()));
        } else if (e instanceof RevisionScored s) {
            EventMetadata m = s.getMetadata();
            String dimensions = s.getDimensions().stream().map(d -> d.getDimension().name() + "=" + d.getScore()).collect(Collectors.joining(","));
            String flags = s.getFlags().stream().map(f -> f.getCode().name()).distinct().collect(Collectors.joining(","));
            jdbc.update("""
                    insert into timeline_score (story_id, revision, rubric_version, org_id, client_id, verdict, overall, dimensions, flags,
                        ar_share, speaking_seconds, word_count, occurred_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, s.getStoryId(), s.getRevision(), s.getRubricVersion(), m.getOrgId(), m.getClientId(), s.getVerdict().name(), s.getOverall(),
                    dimensions, flags, s.getMeasurements().getActionResultShare(), s.getMeasurements().getSpeakingSeconds(),
                    s.getMeasurements().getWordCount(), Timestamp.from(m.getOccurredAt()));
        }
    }

    private static void revision(JdbcTemplate jdbc, EventMetadata m, String storyId, int revision, String situation, String task, String action,
                                 String result, String text) {
        jdbc.update("""
                insert into timeline_revision (story_id, revision, org_id, client_id, occurred_at, situation, task, action, result, free_text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, storyId, revision, m.getOrgId(), m.getClientId(), Timestamp.from(m.getOccurredAt()), situation, task, action, result, text);
    }
}
