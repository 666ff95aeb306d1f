package com.storyloop.console.analytics.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import com.storyloop.console.analytics.application.WeaknessGrid;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.services.ServiceCalls.Service;
import com.storyloop.console.web.ConsolePage;
import com.storyloop.console.web.LineChart;
import com.storyloop.console.web.Viewer;

/** The organisation's cohort analytics for its coaches and admins, each table also as a CSV download. */
@ConsolePage
class AnalyticsPage {

    /** The parts coverage-service exports as CSV. */
    static final Set<String> PARTS = Set.of("revisions", "flags", "heatmap", "agreement");

    private final ServiceCalls calls;

    AnalyticsPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/analytics")
    String analytics(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model) {
        ServiceCalls.As as = calls.asCurrentUser();
        Map<String, Object> analytics = as.getObject(Service.COVERAGE, "/api/orgs/{org}/analytics", viewer.orgId());
        Map<String, Object> heatmap = as.getObject(Service.COVERAGE, "/api/orgs/{org}/analytics/heatmap", viewer.orgId());
        @SuppressWarnings("unchecked")
        Map<String, Object> cohort = (Map<String, Object>) analytics.getOrDefault("cohort", Map.of());
        model.addAttribute("orgId", viewer.orgId());
        model.addAttribute("cohort", cohort);
        model.addAttribute("agreement", analytics.getOrDefault("agreement", Map.of()));
        model.addAttribute("grid", WeaknessGrid.of((List<?>) heatmap.getOrDefault("heatmap", List.of())));
        model.addAttribute("revisionChart", meanByRevision((List<?>) cohort.getOrDefault("meanOverallByRevision", List.of())));
        return "analytics/analytics";
    }

    @GetMapping("/analytics/{part}.csv")
    ResponseEntity<String> csv(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, @PathVariable String part) {
        if (!PARTS.contains(part)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No table named " + part);
        }
        String csv = calls.asCurrentUser().getText(Service.COVERAGE, "/api/orgs/{org}/analytics/{part}", viewer.orgId(), part);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"" + part + ".csv\"").body(csv);
    }

    static LineChart meanByRevision(List<?> means) {
        List<String> labels = new ArrayList<>();
        List<Number> overall = new ArrayList<>();
        List<Number> stories = new ArrayList<>();
        for (Object item : means) {
            Map<?, ?> mean = (Map<?, ?>) item;
            labels.add("revision " + mean.get("revision"));
            overall.add((Number) mean.get("meanOverall"));
            stories.add((Number) mean.get("stories"));
        }
        return LineChart.of("mean-by-revision-data", "Mean overall score by revision number", labels,
                List.of(new LineChart.Series("mean overall (0-100)", overall, "y", true, false),
                        new LineChart.Series("stories with that revision", stories, "y2", false, false)),
                "revision", "mean overall", 0, 100).withSecondAxis("stories", 0, Math.max(1, stories.stream().mapToInt(Number::intValue).max().orElse(1)));
    }
}
