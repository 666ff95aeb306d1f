package com.storyloop.coverage.clients.adapter.in.kafka;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.practice.AnswerRated;
import com.storyloop.events.practice.AnswerRating;
import com.storyloop.schemas.Topics;

/** Interviewer ratings over time for the client timeline; one row per AnswerRated eventId. */
@Configuration
public class PracticeRatingsProjection {

    public static final String GROUP = "coverage-client-timeline";

    @Bean
    ConsumerDefinition practiceRatingsConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.PRACTICE_EVENTS), PracticeRatingsProjection::apply, List.of("client_practice_rating"));
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        if (event.event() instanceof AnswerRated rated) {
            EventMetadata m = rated.getMetadata();
            jdbc.update("""
                    insert into client_practice_rating (event_id, org_id, client_id, at, loop_id, question_id, rating, rating_score)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, m.getEventId(), m.getOrgId(), m.getClientId(), Timestamp.from(m.getOccurredAt()), rated.getLoopId(), rated.getQuestionId(),
                    rated.getRating().name(), score(rated.getRating()));
        }
    }

    /** The 4-point scale as 1 (strongly not inclined) to 4 (strongly inclined); null for a rating this version does not know. */
    static Integer score(AnswerRating rating) {
        if (rating == AnswerRating.STRONGLY_NOT_INCLINED) {
            return 1;
        } else if (rating == AnswerRating.NOT_INCLINED) {
            return 2;
        } else if (rating == AnswerRating.INCLINED) {
            return 3;
        } else if (rating == AnswerRating.STRONGLY_INCLINED) {
            return 4;
        }
        return null;
    }
}
