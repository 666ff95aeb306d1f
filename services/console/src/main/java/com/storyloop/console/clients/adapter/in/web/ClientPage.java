package com.storyloop.console.clients.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.storyloop.console.clients.application.ClientProgress;
import com.storyloop.console.clients.application.ClientViews;
import com.storyloop.console.clients.application.CoverageHeatmap;
import com.storyloop.console.clients.application.Finding;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.web.ConsolePage;

/**
 * One client: the coverage heatmap (16 principles x stories), readiness with its reasons, findings, the story list and the
 * progress chart. The services decide who may see it: another client's page answers 404 like an unknown one.
 */
@ConsolePage
class ClientPage {

    private final ServiceCalls calls;

    ClientPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/clients/{clientId}")
    String page(@PathVariable String clientId, Model model) {
        fill(clientId, model);
        return "clients/client";
    }

    /** The same content without the page around it: what a live update swaps in. */
    @GetMapping("/clients/{clientId}/content")
    String content(@PathVariable String clientId, Model model) {
        fill(clientId, model);
        return "clients/client :: content";
    }

    private void fill(String clientId, Model model) {
        ClientViews views = ClientViews.read(calls.asCurrentUser(), clientId);
        Map<String, Object> bank = views.bank();
        Map<String, Object> coverage = views.coverage();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Object story : (List<?>) bank.getOrDefault("stories", List.of())) {
            Map<?, ?> s = (Map<?, ?>) story;
            titles.put(String.valueOf(s.get("storyId")), String.valueOf(s.get("title")));
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("bank", bank);
        model.addAttribute("coverage", coverage);
        model.addAttribute("heatmap", CoverageHeatmap.of(coverage, bank));
        model.addAttribute("findings", Finding.describe((List<?>) coverage.getOrDefault("findings", List.of()), titles));
        model.addAttribute("progress", ClientProgress.chart("client-progress-data", views.timeline()));
        // the same views the live stream watches: a change before the stream opens is not missed
        model.addAttribute("drawnFrom", views.fingerprint());
    }
}
