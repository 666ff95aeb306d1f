package com.storyloop.rubric.corpus;

import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Precision/recall per flag, verdict accuracy and confusion matrix for a set of scored stories. */
final class CorpusReport {

    record Scored(CorpusStory story, Scorecard card) {
        Set<FlagCode> raised() {
            Set<FlagCode> s = EnumSet.noneOf(FlagCode.class);
            card.flags().forEach(f -> s.add(f.code()));
            return s;
        }
    }

    final String name;
    final List<Scored> scored;
    /** Whether story ids may be printed (false for the held-out split while tuning). */
    final boolean showIds;
    final Map<FlagCode, int[]> perFlag = new EnumMap<>(FlagCode.class); // tp, fp, fn
    final int[][] confusion = new int[3][3];
    int tp;
    int fp;
    int fn;
    int verdictCorrect;
    int swaps;
    final List<String> mustNotViolations = new ArrayList<>();
    int ptp;
    int pfp;
    int pfn;
    final Map<Principle, int[]> perPrinciple = new EnumMap<>(Principle.class);

    CorpusReport(String name, List<Scored> scored, boolean showIds) {
        this.name = name;
        this.scored = scored;
        this.showIds = showIds;
        for (FlagCode f : FlagCode.values()) {
            perFlag.put(f, new int[3]);
        }
        for (Principle p : Principle.values()) {
            perPrinciple.put(p, new int[3]);
        }
        for (Scored s : scored) {
            Set<FlagCode> raised = s.raised();
            for (FlagCode f : FlagCode.values()) {
                boolean exp = s.story().flags().contains(f);
                boolean got = raised.contains(f);
                int[] c = perFlag.get(f);
                if (exp && got) {
                    c[0]++;
                    tp++;
                } else if (!exp && got) {
                    c[1]++;
                    fp++;
                } else if (exp) {
                    c[2]++;
                    fn++;
                }
                if (got && s.story().mustNot().contains(f)) {
                    mustNotViolations.add((showIds || !s.story().holdout() ? s.story().id() : "(held-out story)") + " raised " + f);
                }
            }
            Verdict ev = s.story().verdict();
            Verdict gv = s.card().verdict().verdict();
            confusion[ev.ordinal()][gv.ordinal()]++;
            if (ev == gv) {
                verdictCorrect++;
            }
            if ((ev == Verdict.PASS && gv == Verdict.FAIL) || (ev == Verdict.FAIL && gv == Verdict.PASS)) {
                swaps++;
            }
            Set<Principle> demonstrated = EnumSet.noneOf(Principle.class);
            demonstrated.addAll(s.card().principles().demonstrated());
            for (Principle p : Principle.values()) {
                boolean exp = s.story().principles().contains(p);
                boolean got = demonstrated.contains(p);
                int[] pc = perPrinciple.get(p);
                if (exp && got) {
                    ptp++;
                    pc[0]++;
                } else if (got) {
                    pfp++;
                    pc[1]++;
                } else if (exp) {
                    pfn++;
                    pc[2]++;
                }
            }
        }
    }

    double microF1() {
        return f1(tp, fp, fn);
    }

    double verdictAccuracy() {
        return scored.isEmpty() ? 0 : (double) verdictCorrect / scored.size();
    }

    static double f1(int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static String ratio(int num, int den) {
        return den == 0 ? "  -  " : String.format(Locale.ROOT, "%.2f", (double) num / den);
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("=== ").append(name).append(": ").append(scored.size()).append(" stories ===\n");
        sb.append(String.format(Locale.ROOT, "%-26s %4s %4s %4s  %9s %6s%n", "flag", "tp", "fp", "fn", "precision", "recall"));
        for (Map.Entry<FlagCode, int[]> e : perFlag.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-26s %4d %4d %4d  %9s %6s%n", e.getKey(), c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        }
        sb.append(String.format(Locale.ROOT, "flags micro: precision %s recall %s F1 %.3f%n", ratio(tp, tp + fp), ratio(tp, tp + fn), microF1()));
        sb.append(String.format(Locale.ROOT, "verdict accuracy %.3f (%d/%d), PASS<->FAIL swaps %d%n", verdictAccuracy(), verdictCorrect,
                scored.size(), swaps));
        sb.append("confusion (rows expected, columns engine):\n");
        sb.append(String.format(Locale.ROOT, "%-12s %6s %11s %6s%n", "", "PASS", "BORDERLINE", "FAIL"));
        for (Verdict v : Verdict.values()) {
            sb.append(String.format(Locale.ROOT, "%-12s %6d %11d %6d%n", v, confusion[v.ordinal()][0], confusion[v.ordinal()][1],
                    confusion[v.ordinal()][2]));
        }
        sb.append("must-not flags raised: ").append(mustNotViolations.size()).append(mustNotViolations.isEmpty() ? "" : " " + mustNotViolations).append('\n');
        sb.append(String.format(Locale.ROOT, "principles demonstrated (fit >= 0.6, informational): precision %s recall %s F1 %.3f%n",
                ratio(ptp, ptp + pfp), ratio(ptp, ptp + pfn), f1(ptp, pfp, pfn)));
        return sb.toString();
    }

    String principleDetails() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Principle, int[]> e : perPrinciple.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format(Locale.ROOT, "  %-22s tp %2d fp %2d fn %2d%n", e.getKey(), c[0], c[1], c[2]));
        }
        return sb.toString();
    }

    String details() {
        StringBuilder sb = new StringBuilder();
        for (Scored s : scored) {
            Set<FlagCode> raised = s.raised();
            Set<FlagCode> missing = EnumSet.noneOf(FlagCode.class);
            missing.addAll(s.story().flags());
            missing.removeAll(raised);
            Set<FlagCode> extra = EnumSet.noneOf(FlagCode.class);
            extra.addAll(raised);
            extra.removeAll(s.story().flags());
            boolean verdictWrong = s.story().verdict() != s.card().verdict().verdict();
            if (missing.isEmpty() && extra.isEmpty() && !verdictWrong) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "  %-40s expected %-10s got %-10s overall %3d  missing %s extra %s%n", s.story().id(),
                    s.story().verdict(), s.card().verdict().verdict(), s.card().overall(), missing, extra));
        }
        return sb.toString();
    }
}
