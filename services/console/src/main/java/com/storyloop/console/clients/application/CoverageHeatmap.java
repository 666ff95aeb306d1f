package com.storyloop.console.clients.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.storyloop.console.web.JsonFields;
import com.storyloop.console.web.Principles;

import static com.storyloop.console.web.JsonFields.decimal;
import static com.storyloop.console.web.JsonFields.flag;
import static com.storyloop.console.web.JsonFields.integer;
import static com.storyloop.console.web.JsonFields.objects;
import static com.storyloop.console.web.JsonFields.text;
import static com.storyloop.console.web.JsonFields.texts;

/**
 * The 16 principles x active stories matrix of a client's coverage view, ready to draw: each cell's fill is the engine's
 * fit (five steps), its badge the story's latest verdict, and its text says both, so colour is never the only cue. A row
 * is a gap when no PASS story demonstrates the principle.
 */
public record CoverageHeatmap(List<Column> columns, List<Row> rows) {

    public record Column(String storyId, String title, int revision) {
    }

    public record Cell(String storyId, boolean claimed, Double fit, String verdict, Integer overall, boolean best) {

        /** fit0 (none) .. fit4 (strong), the CSS step of the fill. */
        public String fitStep() {
            if (fit == null) {
                return "fit0";
            }
            return "fit" + Math.min(4, (int) Math.floor(fit * 5));
        }

        public String fitText() {
            return fit == null ? "fit -" : String.format(Locale.ROOT, "fit %.2f", fit);
        }
    }

    public record Row(String code, String name, List<Cell> cells, String bestStoryId, String gapReason) {

        public boolean isGap() {
            return gapReason != null;
        }
    }

    /**
     * @param coverage coverage-service's {@code /api/clients/{id}/coverage}
     * @param bank     story-service's {@code /api/clients/{id}/bank}; its active stories are the columns, in bank order
     */
    public static CoverageHeatmap of(Map<String, Object> coverage, Map<String, Object> bank) {
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> story : objects(bank, "stories")) {
            if (!flag(story, "retired")) {
                Integer revision = integer(story, "revision");
                columns.add(new Column(text(story, "storyId"), text(story, "title"), revision == null ? 0 : revision));
            }
        }
        List<String> findings = texts(coverage, "findings");
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> principle : objects(coverage, "principles")) {
            String code = text(principle, "code");
            String best = text(principle, "bestStoryId");
            Map<String, Map<String, Object>> byStory = new LinkedHashMap<>();
            for (Map<String, Object> cell : objects(principle, "stories")) {
                byStory.put(text(cell, "storyId"), cell);
            }
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                Map<String, Object> cell = byStory.get(column.storyId());
                cells.add(cell == null ? null : new Cell(column.storyId(), flag(cell, "claimed"), decimal(cell, "fit"), text(cell, "verdict"),
                        integer(cell, "overall"), column.storyId().equals(best)));
            }
            rows.add(new Row(code, Principles.name(code), cells, best, gapOf(code, findings)));
        }
        return new CoverageHeatmap(columns, rows);
    }

    /** Why a principle is a gap, in words, or null when a PASS story demonstrates it. */
    private static String gapOf(String code, List<String> findings) {
        if (findings.contains("MISSING_LP:" + code)) {
            return "missing: no story";
        }
        if (findings.contains("ILLUSORY_COVERAGE:" + code)) {
            return "claimed, not yet shown by a PASS story";
        }
        return null;
    }

    public long gapCount() {
        return rows.stream().filter(Row::isGap).count();
    }
}
