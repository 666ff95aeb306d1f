package com.storyloop.web.spring;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storyloop.eventing.rebuild.ProjectionRebuilds;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.web.access.Access;
import com.storyloop.web.access.ClientAssignments;
import com.storyloop.web.idempotency.IdempotencyFilter;
import com.storyloop.web.limits.RequestLimitsFilter;
import com.storyloop.web.limits.WriteRateLimiter;
import com.storyloop.web.projections.ProjectionAdminController;
import com.storyloop.web.idempotency.IdempotencyRecords;
import com.storyloop.web.problems.CommonProblems;
import com.storyloop.web.problems.ValidationProblems;
import com.storyloop.web.tenancy.TenantBindingFilter;
import com.storyloop.web.tenancy.TenantScopedDataSource;

/**
 * Problem details for every service; the Idempotency-Key filter for services that opt in with
 * {@code storyloop.web.idempotency.enabled=true} and add {@code classpath:db/idempotency} to their Flyway locations.
 */
// before Boot's MVC auto-configuration, so its default ResponseEntityExceptionHandler steps aside for ValidationProblems
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "com.storyloop.eventing.spring.EventingAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSupportAutoConfiguration {

    @Bean
    ValidationProblems validationProblems() {
        return new ValidationProblems();
    }

    @Bean
    CommonProblems commonProblems() {
        return new CommonProblems();
    }

    /** The application layer's authorisation checks, wherever the service knows its clients' coaches. */
    @Bean
    @ConditionalOnBean(ClientAssignments.class)
    Access access(ClientAssignments assignments) {
        return new Access(assignments);
    }

    /** The projection admin API, in every service that runs consumers (none in one that has no projection) (their rebuilds come with the eventing wiring). */
    @Bean
    @ConditionalOnBean({ProjectionRebuilds.class, ConsumerDefinition.class})
    ProjectionAdminController projectionAdminController(ProjectionRebuilds rebuilds) {
        return new ProjectionAdminController(rebuilds);
    }

    /**
     * Body size and per-user write limits on the API ({@code storyloop.web.limits.*}: max-body-bytes, writes-per-minute,
     * anonymous-writes-per-minute); after Spring Security's filters, so writes count against the signed-in user.
     */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(Environment environment) {
        long maxBodyBytes = environment.getProperty("storyloop.web.limits.max-body-bytes", Long.class, 4L * 1024 * 1024);
        int writesPerMinute = environment.getProperty("storyloop.web.limits.writes-per-minute", Integer.class, 120);
        int anonymousPerMinute = environment.getProperty("storyloop.web.limits.anonymous-writes-per-minute", Integer.class, 10);
        FilterRegistrationBean<RequestLimitsFilter> registration = new FilterRegistrationBean<>(new RequestLimitsFilter(maxBodyBytes,
                new WriteRateLimiter(writesPerMinute, 100_000, System::nanoTime), new WriteRateLimiter(anonymousPerMinute, 100_000, System::nanoTime)));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /**
     * The generated API description says what the shared filters and preconditions do, which the controllers' signatures
     * cannot show: every POST honours Idempotency-Key; a change guarded by If-Match requires it (428 without, 412 when stale).
     * The Caller argument comes from the bearer token, not from the request, so it is kept out.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class ApiDescription {
        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(com.storyloop.security.caller.Caller.class);
        }

        @Bean
        org.springdoc.core.customizers.GlobalOperationCustomizer sharedRequestRules() {
            return (operation, handlerMethod) -> {
                if (handlerMethod.hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class)) {
                    operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter().name("Idempotency-Key").required(false)
                            .schema(new io.swagger.v3.oas.models.media.StringSchema().maxLength(200))
                            .description("Any unique string: a retry with the same key gets the first response and changes nothing"));
                }
                if (operation.getParameters() != null) {
                    for (io.swagger.v3.oas.models.parameters.Parameter parameter : operation.getParameters()) {
                        if ("header".equals(parameter.getIn()) && org.springframework.http.HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
                            parameter.required(true).description("The ETag last read: the change applies only to that version");
                            io.swagger.v3.oas.models.responses.ApiResponses responses = operation.getResponses() == null
                                    ? new io.swagger.v3.oas.models.responses.ApiResponses() : operation.getResponses();
                            responses.addApiResponse("412", new io.swagger.v3.oas.models.responses.ApiResponse()
                                    .description("Changed since that version (problem detail naming If-Match); read it again"));
                            responses.addApiResponse("428", new io.swagger.v3.oas.models.responses.ApiResponse()
                                    .description("If-Match is missing (problem detail naming If-Match)"));
                            operation.setResponses(responses);
                        }
                    }
                }
                return operation;
            };
        }
    }

    /**
     * Row-level security by organisation ({@code storyloop.tenancy.row-level-security=true}, with {@code classpath:db/tenancy}
     * among the Flyway locations): requests act as their caller's organisation in PostgreSQL itself.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "storyloop.tenancy", name = "row-level-security", havingValue = "true")
    static class RowLevelSecurity {

        @Bean
        static BeanPostProcessor tenantScopedDataSources() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource)
                            ? new TenantScopedDataSource(dataSource) : bean;
                }
            };
        }

        @Bean
        FilterRegistrationBean<TenantBindingFilter> tenantBindingFilter() {
            FilterRegistrationBean<TenantBindingFilter> registration = new FilterRegistrationBean<>(new TenantBindingFilter());
            registration.addUrlPatterns("/api/*");
            // after Spring Security (which knows the caller), before everything that touches the database
            registration.setOrder(Ordered.LOWEST_PRECEDENCE - 30);
            return registration;
        }
    }

    @Bean
    @ConditionalOnProperty(prefix = "storyloop.web.idempotency", name = "enabled", havingValue = "true")
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(DataSource dataSource, PlatformTransactionManager transactionManager,
                                                                Environment environment) {
        int maxBodyBytes = environment.getProperty("storyloop.web.idempotency.max-body-bytes", Integer.class, 16 * 1024 * 1024);
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(new IdempotencyRecords(dataSource), new TransactionTemplate(transactionManager), maxBodyBytes));
        registration.addUrlPatterns("/api/*");
        // innermost of the servlet filters: metrics and tracing filters still see the replayed response
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
