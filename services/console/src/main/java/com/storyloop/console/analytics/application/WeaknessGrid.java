package com.storyloop.console.analytics.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.storyloop.console.web.Principles;

/**
 * The organisation's principle x dimension weakness heatmap as a grid: rows in the rubric's principle order, columns the
 * dimensions, each cell the mean dimension score (0-5) of the stories claiming that principle, shaded by weakness
 * (5 - mean) in five steps, with the number printed in the cell.
 */
public record WeaknessGrid(List<String> dimensions, List<Row> rows) {

    public record Cell(Double meanScore, int stories) {

        public String text() {
            return meanScore == null ? "-" : String.format(Locale.ROOT, "%.1f", meanScore);
        }

        /** weak0 (strong) .. weak4 (weakest) */
        public String weaknessStep() {
            return meanScore == null ? "none" : "weak" + Math.max(0, Math.min(4, (int) Math.floor((5 - meanScore) * 5 / 5.01)));
        }
    }

    public record Row(String principle, String name, List<Cell> cells) {
    }

    public static WeaknessGrid of(List<?> heatmap) {
        TreeSet<String> dimensions = new TreeSet<>();
        Map<String, Map<String, Cell>> byPrinciple = new LinkedHashMap<>();
        for (Object item : heatmap) {
            Map<?, ?> cell = (Map<?, ?>) item;
            String principle = String.valueOf(cell.get("principle"));
            String dimension = String.valueOf(cell.get("dimension"));
            dimensions.add(dimension);
            Double mean = cell.get("meanScore") instanceof Number ? ((Number) cell.get("meanScore")).doubleValue() : null;
            int stories = cell.get("stories") instanceof Number ? ((Number) cell.get("stories")).intValue() : 0;
            byPrinciple.computeIfAbsent(principle, p -> new LinkedHashMap<>()).put(dimension, new Cell(mean, stories));
        }
        List<String> columns = new ArrayList<>(dimensions);
        List<Row> rows = new ArrayList<>();
        for (String principle : Principles.CODES) {
            Map<String, Cell> cells = byPrinciple.getOrDefault(principle, Map.of());
            List<Cell> row = new ArrayList<>();
            for (String dimension : columns) {
                row.add(cells.getOrDefault(dimension, new Cell(null, 0)));
            }
            rows.add(new Row(principle, Principles.name(principle), row));
        }
        return new WeaknessGrid(columns, rows);
    }
}
