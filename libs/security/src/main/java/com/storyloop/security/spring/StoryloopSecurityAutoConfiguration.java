package com.storyloop.security.spring;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

import com.storyloop.security.caller.StoryloopClaims;

/**
 * Every service is an OAuth2 resource server: with {@code storyloop.security.enabled=true} each request but health, info,
 * Prometheus and the configured open paths needs a valid bearer JWT. Stateless (no HTTP session, so no CSRF token: the
 * bearer header is not sent by browsers on their own). Off by default during the staged rollout; then a chain that lets
 * everything through replaces Spring Boot's default (which would otherwise ask for a generated basic-auth password).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(StoryloopSecurityProperties.class)
@EnableWebSecurity
public class StoryloopSecurityAutoConfiguration {

    /** Liveness, readiness and scraping must work without credentials (orchestrators and Prometheus carry none). */
    static final List<String> ALWAYS_OPEN = List.of("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            // where the servlet container forwards errors; the original request was already checked
            "/error");

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "storyloop.security", name = "enabled", havingValue = "true")
    static class RequireTokens {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder storyloopJwtDecoder(StoryloopSecurityProperties properties) {
            return StoryloopJwtDecoders.of(properties);
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain storyloopSecurityFilterChain(HttpSecurity http, StoryloopSecurityProperties properties, JwtDecoder decoder) {
            List<String> open = new ArrayList<>(ALWAYS_OPEN);
            open.addAll(properties.openPaths());
            stateless(http);
            http.authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new)).permitAll().anyRequest().authenticated())
                    .oauth2ResourceServer(server -> server
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities()))
                            .authenticationEntryPoint(ProblemResponses.unauthenticated())
                            .accessDeniedHandler(ProblemResponses.forbidden()))
                    .exceptionHandling(errors -> errors
                            .authenticationEntryPoint(ProblemResponses.unauthenticated())
                            .accessDeniedHandler(ProblemResponses.forbidden()));
            return http.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "storyloop.security", name = "enabled", havingValue = "false", matchIfMissing = true)
    static class StagedRolloutOpen {

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain storyloopOpenFilterChain(HttpSecurity http) {
            LoggerFactory.getLogger(StoryloopSecurityAutoConfiguration.class)
                    .warn("storyloop.security.enabled=false: every endpoint answers without a token (staged rollout, docs/operations.md)");
            stateless(http);
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
    }

    private static void stateless(HttpSecurity http) {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    /** {@code roles: [COACH]} becomes the authority ROLE_COACH, so hasRole("COACH") reads naturally. */
    static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(StoryloopClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
