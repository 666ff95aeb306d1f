package com.storyloop.coverage.analytics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Principle x dimension heatmap of weakness: for every principle a story claims and every dimension of the engine's
 * scorecard of its current revision, the mean dimension score (0-5) over the organisation's active stories; weakness is
 * 5 minus that mean, so the hottest cells are where coaching is needed. Pure.
 */
public final class WeaknessHeatmap {

    /** One active story's claimed principles and its current revision's dimension scores. */
    public record StoryDimensions(Set<String> principles, Map<String, Integer> dimensions) {
    }

    public record Cell(String principle, String dimension, int stories, double meanScore, double weakness) {
    }

    private WeaknessHeatmap() {
    }

    public static List<Cell> of(List<StoryDimensions> stories) {
        TreeMap<String, TreeMap<String, int[]>> acc = new TreeMap<>();
        for (StoryDimensions story : stories) {
            for (String principle : story.principles()) {
                for (Map.Entry<String, Integer> dimension : story.dimensions().entrySet()) {
                    int[] sum = acc.computeIfAbsent(principle, k -> new TreeMap<>()).computeIfAbsent(dimension.getKey(), k -> new int[2]);
                    sum[0] += dimension.getValue();
                    sum[1]++;
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        acc.forEach((principle, dimensions) -> dimensions.forEach((dimension, sum) -> {
            double mean = Math.round(100.0 * sum[0] / sum[1]) / 100.0;
            cells.add(new Cell(principle, dimension, sum[1], mean, Math.round(100 * (5 - mean)) / 100.0));
        }));
        return List.copyOf(cells);
    }
}
