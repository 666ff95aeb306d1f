package com.storyloop.security.spring;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.storyloop.security.caller.StoryloopClaims;

/**
 * Every service is an OAuth2 resource server: each request but health, info, Prometheus and the configured open paths
 * needs a valid bearer JWT, and a controller may take the {@link com.storyloop.security.caller.Caller} as a parameter.
 * There is no switch to turn this off. Stateless (no HTTP session, so no CSRF token: the bearer header is not sent by
 * browsers on their own).
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
    static class RequireTokens {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder storyloopJwtDecoder(StoryloopSecurityProperties properties) {
            return StoryloopJwtDecoders.of(properties);
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain storyloopSecurityFilterChain(HttpSecurity http, StoryloopSecurityProperties properties, JwtDecoder decoder) {
            return requireBearerTokens(http, properties, decoder).build();
        }
    }

    /**
     * The house rules for an API: stateless, the always-open paths and the configured open paths need nothing, everything
     * else a valid bearer JWT, failures answered as problem details. Public so an application that needs a second chain
     * (the console's pages) configures its API the same way instead of copying this.
     */
    public static HttpSecurity requireBearerTokens(HttpSecurity http, StoryloopSecurityProperties properties, JwtDecoder decoder) {
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
        return http;
    }

    /** Lets a controller method declare {@code Caller caller} and get the one its request's token names. */
    @Bean
    WebMvcConfigurer storyloopCallerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
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
    public static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(StoryloopClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
