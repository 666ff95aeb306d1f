package com.storyloop.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A line chart as data: the page embeds {@link #json()} and console.js hands it to Chart.js. Every chart is also shown
 * as a table of its values ({@link #rows()}), for screen readers and for anyone who prefers numbers.
 */
public record LineChart(String id, String title, List<String> labels, List<Series> series, String xLabel, String yLabel,
                        Integer yMin, Integer yMax, String y2Label, Integer y2Min, Integer y2Max, Integer marker, String markerLabel) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line; {@code axis} is "y" or "y2"; a null value leaves a gap. */
    public record Series(String label, List<Number> values, String axis, boolean emphasis, boolean hidden) {
    }

    public static LineChart of(String id, String title, List<String> labels, List<Series> series, String xLabel, String yLabel, int yMin, int yMax) {
        return new LineChart(id, title, labels, series, xLabel, yLabel, yMin, yMax, null, null, null, null, null);
    }

    public LineChart withSecondAxis(String label, int min, int max) {
        return new LineChart(id, title, labels, series, xLabel, yLabel, yMin, yMax, label, min, max, marker, markerLabel);
    }

    public LineChart withMarker(int index, String label) {
        return new LineChart(id, title, labels, series, xLabel, yLabel, yMin, yMax, y2Label, y2Min, y2Max, index, label);
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The spec for the browser, safe inside a script element (no "</script>" can close it early). */
    public String json() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", labels);
        spec.put("series", series);
        spec.put("xLabel", xLabel);
        spec.put("yLabel", yLabel);
        spec.put("yMin", yMin);
        spec.put("yMax", yMax);
        spec.put("y2Label", y2Label);
        spec.put("y2Min", y2Min);
        spec.put("y2Max", y2Max);
        spec.put("marker", marker);
        spec.put("markerLabel", markerLabel);
        return JSON.writeValueAsString(spec).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** The same values as table rows: label, then each series' value (blank for a gap). */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(labels.get(i));
            for (Series s : series) {
                Number value = i < s.values().size() ? s.values().get(i) : null;
                row.add(value == null ? "" : value.toString());
            }
            rows.add(row);
        }
        return rows;
    }
}
