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
import com.storyloop.events.practice.LoopCompleted;
import com.storyloop.events.practice.PrincipleOutcome;
import com.storyloop.schemas.Topics;

/**
 * Practice on the client timeline: interviewer ratings (one row per AnswerRated eventId) and completed loops, self-practice
 * ones included (one row per LoopCompleted eventId: answers, answers in the 2-3 minute target, mean rating if rated).
 */
@Configuration
public class PracticeRatingsProjection {

    public static final String GROUP = "coverage-client-timeline";

    @Bean
    ConsumerDefinition practiceRatingsConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.PRACTICE_EVENTS), PracticeRatingsProjection::apply, List.of("client_practice_rating", "client_practice_loop"));
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        if (event.event() instanceof AnswerRated rated) {
            EventMetadata m = rated.getMetadata();
            jdbc.update("""
                    insert into client_practice_rating (event_id, org_id, client_id, at, loop_id, question_id, rating, rating_score)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, m.getEventId(), m.getOrgId(), m.getClientId(), Timestamp.from(m.getOccurredAt()), rated.getLoopId(), rated.getQuestionId(),
                    rated.getRating().name(), score(rated.getRating()));
        } else if (event.event() instanceof LoopCompleted completed) {
            EventMetadata m = completed.getMetadata();
            double sum = 0;
            int rated = 0;
            for (PrincipleOutcome outcome : completed.getPrinciples()) {
                Integer score = outcome.getRating() == null ? null : score(outcome.getRating());
                if (score != null) {
                    sum += score;
                    rated++;
                }
            }
            jdbc.update("""
                    insert into client_practice_loop (event_id, org_id, client_id, at, loop_id, abandoned, questions_asked, answers_given,
                                                      answers_in_target, mean_rating_score, warnings)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    """, m.getEventId(), m.getOrgId(), m.getClientId(), Timestamp.from(m.getOccurredAt()), completed.getLoopId(), completed.getAbandoned(),
                    completed.getQuestionsAsked(), completed.getAnswersGiven(), completed.getAnswersInTargetTime(),
                    rated == 0 ? null : Math.round(sum / rated * 100) / 100.0, completed.getWarnings().size());
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
