package com.storyloop.coverage.analytics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Organisation-wide progress over scored revisions: mean overall by revision number, median revisions to reach PASS
 * (over the stories that reached it), and per flag the resolution rate (share of raised flags gone in the story's next
 * scored revision, counting only flags whose next revision is scored). Pure.
 */
public final class CohortAnalytics {

    public record RevisionMean(int revision, double meanOverall, int stories) {
    }

    public record FlagResolution(String flag, int raised, int resolved, double rate) {
    }

    public record Report(List<RevisionMean> meanOverallByRevision, Double medianRevisionsToPass, int storiesAtPass, int stories,
                         List<FlagResolution> flagResolution) {
    }

    private CohortAnalytics() {
    }

    public static Report of(List<ScoredRevision> revisions) {
        Map<String, TreeMap<Integer, ScoredRevision>> byStory = new HashMap<>();
        for (ScoredRevision r : revisions) {
            byStory.computeIfAbsent(r.storyId(), k -> new TreeMap<>()).put(r.revision(), r);
        }
        TreeMap<Integer, int[]> sums = new TreeMap<>();
        List<Integer> toPass = new ArrayList<>();
        TreeMap<String, int[]> flags = new TreeMap<>();
        for (TreeMap<Integer, ScoredRevision> story : byStory.values()) {
            Integer firstPass = null;
            for (ScoredRevision r : story.values()) {
                int[] sum = sums.computeIfAbsent(r.revision(), k -> new int[2]);
                sum[0] += r.overall();
                sum[1]++;
                if (firstPass == null && "PASS".equals(r.verdict())) {
                    firstPass = r.revision();
                }
                ScoredRevision next = story.get(r.revision() + 1);
                if (next != null) {
                    for (String flag : r.flags()) {
                        int[] count = flags.computeIfAbsent(flag, k -> new int[2]);
                        count[0]++;
                        if (!next.flags().contains(flag)) {
                            count[1]++;
                        }
                    }
                }
            }
            if (firstPass != null) {
                toPass.add(firstPass);
            }
        }
        List<RevisionMean> means = new ArrayList<>();
        sums.forEach((revision, sum) -> means.add(new RevisionMean(revision, round((double) sum[0] / sum[1]), sum[1])));
        List<FlagResolution> resolution = new ArrayList<>();
        flags.forEach((flag, count) -> resolution.add(new FlagResolution(flag, count[0], count[1], round((double) count[1] / count[0]))));
        return new Report(List.copyOf(means), median(toPass), toPass.size(), byStory.size(), List.copyOf(resolution));
    }

    private static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
