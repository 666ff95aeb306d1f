package com.storyloop.practice;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PracticeServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
