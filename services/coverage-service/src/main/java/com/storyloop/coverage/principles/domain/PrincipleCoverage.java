package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.storyloop.coverage.principles.domain.CoverageReport.Cell;
import com.storyloop.coverage.principles.domain.CoverageReport.PrincipleRow;
import com.storyloop.coverage.principles.domain.CoverageReport.Reason;

/**
 * The coverage rules of rubric.md over a client's bank. Pure: the same stories give the same report.
 *
 * <p>Readiness (0-100) is the sum of: breadth, 60 x principles demonstrated by a PASS story / 16; depth, 10 x principles
 * demonstrated by two or more PASS stories / 16; quality, 15 x share of active stories at PASS; deep dives, 5 x share of
 * active stories with an appendix; bank size, 10 when 8-12 active stories; minus 5 per overstretched story (at most 15)
 * and 5 for duplicates; clamped to 0-100.
 */
public final class PrincipleCoverage {

    public static final int MAX_PRINCIPLES_PER_STORY = 4;
    public static final int MIN_STORIES = 8;
    public static final int MAX_STORIES = 12;
    /** Word-set similarity from which two stories count as near-duplicates. */
    public static final double NEAR_DUPLICATE = 0.8;
    /** Stories sharing one project tag from which breadth suffers. */
    public static final int SAME_PROJECT_LIMIT = 3;

    private PrincipleCoverage() {
    }

    public static CoverageReport assess(List<BankStory> bank) {
        List<BankStory> active = bank.stream().filter(BankStory::active).sorted(Comparator.comparing(BankStory::storyId)).toList();
        List<PrincipleRow> rows = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        int covered = 0;
        int deep = 0;
        List<String> missing = new ArrayList<>();
        List<String> illusory = new ArrayList<>();
        for (Principle principle : Principle.values()) {
            List<Cell> cells = new ArrayList<>();
            BankStory best = null;
            int passing = 0;
            boolean claimed = false;
            for (BankStory story : active) {
                boolean claims = story.claimed().contains(principle);
                Scorecard card = story.scorecard();
                boolean demonstrated = card != null && card.demonstrates(principle);
                claimed |= claims;
                if (claims || demonstrated) {
                    cells.add(new Cell(story.storyId(), claims, card == null ? null : card.fit(principle),
                            card == null ? null : card.verdict(), card == null ? null : card.overall()));
                }
                if (story.covers(principle)) {
                    passing++;
                    if (best == null || better(story, best, principle)) {
                        best = story;
                    }
                }
            }
            rows.add(new PrincipleRow(principle, List.copyOf(cells), best == null ? null : best.storyId()));
            if (passing > 0) {
                covered++;
            } else if (claimed) {
                illusory.add(principle.name());
            } else {
                missing.add(principle.name());
            }
            if (passing > 1) {
                deep++;
            }
        }
        if (covered == Principle.values().length) {
            findings.add("COVERAGE_COMPLETE");
        }
        missing.forEach(code -> findings.add("MISSING_LP:" + code));
        illusory.forEach(code -> findings.add("ILLUSORY_COVERAGE:" + code));
        boolean frugality = active.stream().anyMatch(s -> s.covers(Principle.FRUGALITY));
        if (!frugality) {
            findings.add("NO_FRUGALITY_STORY");
        }
        List<String> overstretched = active.stream().filter(s -> s.claimed().size() > MAX_PRINCIPLES_PER_STORY).map(BankStory::storyId).toList();
        overstretched.forEach(id -> findings.add("OVERSTRETCHED:" + id));
        long weak = active.stream().filter(s -> s.scorecard() != null && "FAIL".equals(s.scorecard().verdict())).count();
        if (weak > 0) {
            findings.add("WEAK_STORIES:" + weak);
        }
        boolean sizeOnTarget = active.size() >= MIN_STORIES && active.size() <= MAX_STORIES;
        if (!sizeOnTarget) {
            findings.add("STORY_COUNT_OFF_TARGET");
        }
        String duplicate = duplicate(active);
        if (duplicate != null) {
            findings.add("DUPLICATE_STORY");
        }
        List<String> withoutDeepDive = active.stream().filter(s -> !s.deepDive()).map(BankStory::storyId).toList();
        withoutDeepDive.forEach(id -> findings.add("NO_DEEP_DIVE:" + id));

        List<Reason> reasons = new ArrayList<>();
        int n = Principle.values().length;
        reasons.add(new Reason("BREADTH", (int) Math.round(60.0 * covered / n), covered + "/" + n + " principles demonstrated by a PASS story"));
        reasons.add(new Reason("DEPTH", (int) Math.round(10.0 * deep / n), deep + "/" + n + " principles demonstrated by two or more PASS stories"));
        long passingStories = active.stream().filter(s -> s.scorecard() != null && s.scorecard().passes()).count();
        reasons.add(new Reason("QUALITY", active.isEmpty() ? 0 : (int) Math.round(15.0 * passingStories / active.size()),
                passingStories + "/" + active.size() + " active stories at PASS"));
        reasons.add(new Reason("DEEP_DIVES", active.isEmpty() ? 0 : (int) Math.round(5.0 * (active.size() - withoutDeepDive.size()) / active.size()),
                (active.size() - withoutDeepDive.size()) + "/" + active.size() + " active stories with a deep-dive appendix"));
        reasons.add(new Reason("BANK_SIZE", sizeOnTarget ? 10 : 0, active.size() + " active stories (target " + MIN_STORIES + "-" + MAX_STORIES + ")"));
        if (!overstretched.isEmpty()) {
            reasons.add(new Reason("OVERSTRETCHED", -Math.min(15, 5 * overstretched.size()),
                    overstretched.size() + " stories claim more than " + MAX_PRINCIPLES_PER_STORY + " principles"));
        }
        if (duplicate != null) {
            reasons.add(new Reason("DUPLICATES", -5, duplicate));
        }
        int readiness = Math.max(0, Math.min(100, reasons.stream().mapToInt(Reason::points).sum()));
        return new CoverageReport(List.copyOf(rows), List.copyOf(findings), readiness, List.copyOf(reasons));
    }

    private static boolean better(BankStory candidate, BankStory current, Principle principle) {
        int byFit = Double.compare(candidate.scorecard().fit(principle), current.scorecard().fit(principle));
        if (byFit != 0) {
            return byFit > 0;
        }
        int byOverall = Integer.compare(candidate.scorecard().overall(), current.scorecard().overall());
        return byOverall != 0 ? byOverall > 0 : candidate.storyId().compareTo(current.storyId()) < 0;
    }

    /** Why the bank has duplicates (near-identical text, or too many stories from one project), or null. */
    private static String duplicate(List<BankStory> active) {
        Map<String, Integer> byProject = new HashMap<>();
        for (BankStory story : active) {
            if (story.projectTag() != null && !story.projectTag().isBlank()) {
                byProject.merge(story.projectTag().trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> project : byProject.entrySet()) {
            if (project.getValue() >= SAME_PROJECT_LIMIT) {
                return project.getValue() + " stories from project " + project.getKey();
            }
        }
        List<Set<String>> words = active.stream().map(s -> words(s.text())).toList();
        for (int i = 0; i < active.size(); i++) {
            for (int j = i + 1; j < active.size(); j++) {
                if (similarity(words.get(i), words.get(j)) >= NEAR_DUPLICATE) {
                    return active.get(i).storyId() + " and " + active.get(j).storyId() + " are near-duplicates";
                }
            }
        }
        return null;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.size() < 5 || b.size() < 5) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long common = a.stream().filter(b::contains).count();
        return (double) common / union.size();
    }
}
