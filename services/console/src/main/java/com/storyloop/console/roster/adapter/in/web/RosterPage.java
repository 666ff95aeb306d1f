package com.storyloop.console.roster.adapter.in.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import com.storyloop.console.roster.application.RosterRow;
import com.storyloop.console.services.ServiceCalls;
import com.storyloop.console.services.ServiceCalls.Service;
import com.storyloop.console.web.ConsolePage;
import com.storyloop.console.web.Viewer;

/** A coach's (or an admin's) clients with readiness and interview dates, and the triage list: interview soon, biggest gap first. */
@ConsolePage
class RosterPage {

    static final int PAGE_SIZE = 50;

    private final ServiceCalls calls;
    private final Clock clock;

    RosterPage(ServiceCalls calls) {
        this.calls = calls;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/roster")
    String roster(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, @RequestParam(defaultValue = "21") String days,
                  @RequestParam(defaultValue = "0") String page, Model model) {
        fill(viewer, days, page, model);
        return "roster/roster";
    }

    /** The roster without the page around it: what a live update swaps in. */
    @GetMapping("/roster/content")
    String content(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, @RequestParam(defaultValue = "21") String days,
                   @RequestParam(defaultValue = "0") String page, Model model) {
        fill(viewer, days, page, model);
        return "roster/roster :: content";
    }

    private void fill(Viewer viewer, String days, String page, Model model) {
        ServiceCalls.As as = calls.asCurrentUser();
        int pageNumber = Math.max(0, parseOr(page, 0));
        List<Object> clients = as.getList(Service.COVERAGE, "/api/orgs/{org}/clients?page={page}&size={size}", viewer.orgId(), pageNumber, PAGE_SIZE);
        LocalDate today = LocalDate.now(clock);
        List<RosterRow> rows = new ArrayList<>();
        for (Object client : clients) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) client;
            rows.add(RosterRow.of(row, as.getObject(Service.COVERAGE, "/api/clients/{id}/timeline", row.get("clientId")), today));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNextPage", clients.size() == PAGE_SIZE);
        model.addAttribute("triage", as.getObject(Service.COVERAGE, "/api/orgs/{org}/triage?days={days}", viewer.orgId(), days));
        model.addAttribute("days", days);
    }

    @GetMapping(path = "/roster/triage.csv")
    ResponseEntity<String> triageCsv(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, @RequestParam(defaultValue = "21") String days) {
        String csv = calls.asCurrentUser().getText(Service.COVERAGE, "/api/orgs/{org}/triage?days={days}&size=500", viewer.orgId(), days);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"triage.csv\"").body(csv);
    }

    private static int parseOr(String value, int fallback) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
