package com.storyloop.coverage.principles.query.readingcoverage;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.principles.adapter.in.kafka.PrincipleCoverageProjection;
import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.coverage.principles.domain.CoverageReport;
import com.storyloop.coverage.views.ViewAnswers;
import com.storyloop.eventing.spring.EventingAutoConfiguration.EventingLifecycle;
import com.storyloop.security.caller.Caller;

/**
 * GET /api/clients/{clientId}/coverage: the client's principle coverage (all 16 principles), findings and readiness,
 * as JSON or, with {@code Accept: text/csv}, as one CSV row per matrix cell. consumerLag says how many records the
 * projection is behind the end of its topics (0 = fresh).
 */
@RestController
class ReadingCoverage {


    record StoryCell(String storyId, boolean claimed, Double fit, String verdict, Integer overall) {
    }

    record PrincipleView(String code, List<StoryCell> stories, String bestStoryId) {
    }

    record ReasonView(String rule, int points, String detail) {
    }

    record CoverageView(String clientId, int readiness, List<ReasonView> readinessReasons, List<String> findings,
                        List<PrincipleView> principles, int activeStories, long consumerLag) {
    }

    private final CoverageQuery query;
    private final EventingLifecycle eventing;

    ReadingCoverage(CoverageQuery query, EventingLifecycle eventing) {
        this.query = query;
        this.eventing = eventing;
    }

    @GetMapping("/api/clients/{clientId}/coverage")
    ResponseEntity<?> coverage(@PathVariable String clientId, @RequestHeader(value = "Accept", required = false) String accept, Caller caller) {
        CoverageQuery.Coverage coverage = query.read(caller, clientId);
        List<BankStory> bank = coverage.bank();
        CoverageReport report = coverage.report();
        long lag = lag();
        if (ViewAnswers.wantsCsv(accept)) {
            return ViewAnswers.csv(csv(report), lag);
        }
        List<PrincipleView> principles = report.principles().stream().map(row -> new PrincipleView(row.code().name(),
                row.stories().stream().map(c -> new StoryCell(c.storyId(), c.claimed(), c.fit(), c.verdict(), c.overall())).toList(),
                row.bestStoryId())).toList();
        CoverageView view = new CoverageView(clientId, report.readiness(),
                report.reasons().stream().map(r -> new ReasonView(r.rule(), r.points(), r.detail())).toList(), report.findings(),
                principles, (int) bank.stream().filter(BankStory::active).count(), lag);
        return ViewAnswers.json(view, lag);
    }

    private long lag() {
        return eventing.lag(List.of(PrincipleCoverageProjection.GROUP));
    }

    private static String csv(CoverageReport report) {
        StringBuilder csv = new StringBuilder("principle,storyId,claimed,fit,verdict,overall,best\n");
        for (CoverageReport.PrincipleRow row : report.principles()) {
            if (row.stories().isEmpty()) {
                csv.append(row.code().name()).append(",,,,,,\n");
            }
            for (CoverageReport.Cell cell : row.stories()) {
                csv.append(row.code().name()).append(',').append(escape(cell.storyId())).append(',').append(cell.claimed()).append(',')
                        .append(cell.fit() == null ? "" : cell.fit()).append(',').append(cell.verdict() == null ? "" : cell.verdict()).append(',')
                        .append(cell.overall() == null ? "" : cell.overall()).append(',').append(cell.storyId().equals(row.bestStoryId()))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    private static String escape(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
