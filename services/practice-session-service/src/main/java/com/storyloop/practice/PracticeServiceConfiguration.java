package com.storyloop.practice;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.web.access.JdbcClientAssignments;

@Configuration
class PracticeServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Practice does not own coach assignments: it folds them from story.events into client_assignment (issue 7). */
    @Bean
    JdbcClientAssignments clientAssignments(JdbcTemplate jdbc) {
        return new JdbcClientAssignments(jdbc);
    }

    @Bean
    ConsumerDefinition clientAssignmentsConsumer() {
        return JdbcClientAssignments.consumer("practice");
    }
}
