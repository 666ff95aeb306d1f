package com.storyloop.story;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StoryServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
