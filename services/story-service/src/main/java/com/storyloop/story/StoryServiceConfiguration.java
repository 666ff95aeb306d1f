package com.storyloop.story;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;


@Configuration
class StoryServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The heading of the generated description at /v3/api-docs; the paths and schemas come from the controllers. */
    @Bean
    OpenAPI storyServiceApi() {
        return new OpenAPI().info(new Info().title("Storyloop story-service").version("1")
                .description("Story banks, stories and their revisions. Changes take If-Match (ETag = stream version); every POST "
                        + "honours Idempotency-Key; errors are RFC 9457 problem details naming the fields at fault."));
    }
}
