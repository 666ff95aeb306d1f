package com.storyloop.console.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storyloop.console.services.ServiceCalls;

import tools.jackson.databind.json.JsonMapper;

/** The services the console fronts, by name and base URL, and the one client that calls them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleWebConfiguration.ConsoleProperties.class)
public class ConsoleWebConfiguration {

    @ConfigurationProperties("storyloop.console")
    public record ConsoleProperties(Map<String, String> services) {
    }

    @Bean
    ServiceCalls serviceCalls(ConsoleProperties properties, JsonMapper json) {
        return new ServiceCalls(properties.services(), json);
    }
}
