package com.storyloop.console.clients.application;

import java.util.Map;

import com.storyloop.console.live.application.LiveViews;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.services.ServiceCalls.Service;

/**
 * The three views a client page is drawn from: the bank, the coverage and the client timeline. The page and its live
 * stream read them here, so the fingerprint a page was drawn from and the one its stream compares with cannot drift apart.
 */
public record ClientViews(Map<String, Object> bank, Map<String, Object> coverage, Map<String, Object> timeline) {

    public static ClientViews read(ServiceCalls.As as, String clientId) {
        return new ClientViews(as.getObject(Service.STORY, "/api/clients/{id}/bank", clientId),
                as.getObject(Service.COVERAGE, "/api/clients/{id}/coverage", clientId),
                as.getObject(Service.COVERAGE, "/api/clients/{id}/timeline", clientId));
    }

    public String fingerprint() {
        return LiveViews.fingerprint(bank, coverage, timeline);
    }
}
