package com.storyloop.scoring;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.web.access.JdbcClientAssignments;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

@Configuration
class ScoringServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Scoring does not own coach assignments: it folds them from the bank events into client_assignment for Access. */
    @Bean
    JdbcClientAssignments clientAssignments(JdbcTemplate jdbc) {
        return new JdbcClientAssignments(jdbc);
    }

    @Bean
    ConsumerDefinition scoringClientAssignmentsConsumer() {
        return JdbcClientAssignments.consumer("scoring");
    }

    /** The heading of the generated description at /v3/api-docs; the paths and schemas come from the controllers. */
    @Bean
    OpenAPI scoringServiceApi() {
        return new OpenAPI().info(new Info().title("Storyloop scoring-service").version("1")
                .description("Scorecards of the rubric engine per story revision and rubric version, the stateless preview POST /api/score, "
                        + "coach scores and calibration, rubric versions and their adoption with rescoring jobs. Errors are RFC 9457 problem "
                        + "details naming the fields at fault."));
    }
}
