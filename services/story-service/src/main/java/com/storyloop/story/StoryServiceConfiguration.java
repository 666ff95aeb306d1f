package com.storyloop.story;

import java.time.Clock;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.security.caller.Caller;

@Configuration
class StoryServiceConfiguration {

    static {
        // the Caller argument comes from the bearer token, not from the request: keep it out of the API description
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * web-support means its projection admin API for services that run consumers, but its condition (a ProjectionRebuilds
     * bean) holds in every service. This one has no projections (its read models are written with its events), so the API
     * could only list nothing and answer 404 for every name; it is left out while no consumer is declared. Once
     * web-support conditions the controller on a ConsumerDefinition, this finds nothing to remove.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor noProjectionAdminWithoutProjections() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                boolean consumers = registry instanceof ListableBeanFactory factory
                        && factory.getBeanNamesForType(ConsumerDefinition.class, true, false).length > 0;
                if (!consumers && registry.containsBeanDefinition("projectionAdminController")) {
                    registry.removeBeanDefinition("projectionAdminController");
                }
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        };
    }

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
