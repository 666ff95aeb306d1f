package com.storyloop.console.live.adapter.in.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import com.storyloop.console.clients.application.ClientViews;
import com.storyloop.console.live.application.LiveViews;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.services.ServiceCalls.Service;
import com.storyloop.console.services.ServiceProblem;
import com.storyloop.security.caller.Caller;

/**
 * {@code /live/clients/{id}} and {@code /live/stories/{id}}: event streams that say "changed" when what the client page or
 * the story page shows has changed (a new revision, its score, the coverage or timeline that follow from it).
 */
@RestController
class LiveUpdates {

    private final ServiceCalls calls;
    private final LiveViews live;

    LiveUpdates(ServiceCalls calls, LiveViews live) {
        this.calls = calls;
        this.live = live;
    }

    @GetMapping(path = "/live/clients/{clientId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter client(@PathVariable String clientId, @RequestParam(required = false) String since) {
        ServiceCalls.As as = calls.asCurrentUser();
        return live.watch(() -> ClientViews.read(as, clientId).fingerprint(), since);
    }

    /** The roster changes with its clients and their readiness; triage over a year carries readiness for every dated interview. */
    @GetMapping(path = "/live/roster", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter roster(@RequestParam(defaultValue = "0") int page, Caller caller) {
        ServiceCalls.As as = calls.asCurrentUser();
        String org = caller.orgId();
        return live.watch(() -> LiveViews.fingerprint(
                Map.of("clients", as.getList(Service.COVERAGE, "/api/orgs/{org}/clients?page={page}&size=50", org, page)),
                as.getObject(Service.COVERAGE, "/api/orgs/{org}/triage?days=365&size=500", org)));
    }

    @GetMapping(path = "/live/stories/{storyId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter story(@PathVariable String storyId) {
        ServiceCalls.As as = calls.asCurrentUser();
        return live.watch(() -> LiveViews.fingerprint(
                as.getObject(Service.STORY, "/api/stories/{id}", storyId),
                as.getObject(Service.COVERAGE, "/api/stories/{id}/timeline", storyId)));
    }

    /** Refused before the stream starts (not signed in, not this viewer's client): the status, with nothing to stream. */
    @ExceptionHandler(ServiceProblem.class)
    ResponseEntity<String> refused(ServiceProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.TEXT_PLAIN).body(problem.detail());
    }

    @Configuration(proxyBeanMethods = false)
    static class LiveConfiguration {

        @Bean(destroyMethod = "close")
        LiveViews liveViews(@Value("${storyloop.console.live.period:1s}") Duration period,
                            @Value("${storyloop.console.live.lifetime:30m}") Duration lifetime, MeterRegistry meters) {
            LiveViews views = new LiveViews(period, lifetime, 4);
            Gauge.builder("storyloop.console.live.watches", views, LiveViews::openWatches)
                    .description("pages kept up to date by server-sent events").register(meters);
            return views;
        }
    }
}
