package com.storyloop.practice.content.adapter.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.storyloop.practice.content.domain.ContentAllowList;

/**
 * The content allow-list from configuration: {@code storyloop.content.allowed-providers} (installation-wide
 * {@code org/provider} pairs, the intake gate) and {@code storyloop.content.organisations.<orgId>.allowed-providers}
 * (provider ids an organisation's members are served; without it, every provider the installation accepts for it).
 */
@Configuration
class ContentAllowListConfiguration {

    record OrganisationContent(List<String> allowedProviders) {
    }

    @Bean
    ContentAllowList contentAllowList(Environment environment) {
        Binder binder = Binder.get(environment);
        String installation = binder.bind("storyloop.content.allowed-providers", String.class).orElse("");
        Map<String, OrganisationContent> organisations = binder.bind("storyloop.content.organisations",
                Bindable.mapOf(String.class, OrganisationContent.class)).orElse(Map.of());
        Map<String, Set<String>> perOrganisation = new LinkedHashMap<>();
        // an organisation named with an empty list is served no provider content at all
        organisations.forEach((orgId, content) -> perOrganisation.put(orgId, content.allowedProviders() == null ? Set.of()
                : content.allowedProviders().stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet())));
        return new ContentAllowList(split(installation), perOrganisation);
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
