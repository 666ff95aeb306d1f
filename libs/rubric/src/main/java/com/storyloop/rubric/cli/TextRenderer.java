package com.storyloop.rubric.cli;

import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.LevelSignal;
import com.storyloop.rubric.scorecard.Measurements;
import com.storyloop.rubric.scorecard.PrincipleFit;
import com.storyloop.rubric.scorecard.PrincipleNote;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.Sentence;
import com.storyloop.rubric.scorecard.Severity;
import com.storyloop.rubric.scorecard.Verdict;

import java.util.Locale;

/** Renders a scorecard for a terminal: verdict, flags with highlighted evidence, dimension bars, principles. */
final class TextRenderer {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";
    private static final String DIM = "\u001B[2m";
    private static final String HIGHLIGHT = "\u001B[1;33m";

    private final boolean ansi;

    TextRenderer(boolean ansi) {
        this.ansi = ansi;
    }

    private String style(String codes, String s) {
        return ansi ? codes + s + RESET : s;
    }

    String render(Scorecard c, String source) {
        StringBuilder sb = new StringBuilder();
        Verdict v = c.verdict().verdict();
        String vColor = v == Verdict.PASS ? GREEN : v == Verdict.BORDERLINE ? YELLOW : RED;
        sb.append("Storyloop rubric ").append(c.rubricVersion()).append(" \u00B7 ").append(source).append('\n');
        sb.append(style(BOLD + vColor, "VERDICT " + v)).append("   overall ").append(style(BOLD, c.overall() + "/100")).append('\n');
        sb.append("  rule ").append(c.verdict().rule()).append(": ").append(c.verdict().explanation()).append("\n\n");

        Measurements m = c.measurements();
        sb.append(style(BOLD, "Measurements")).append('\n');
        sb.append("  sections ").append(c.segmentation().mode()).append(": ");
        boolean first = true;
        for (SectionKind k : SectionKind.values()) {
            int w = m.wordsBySection().get(k);
            if (w == 0 && !k.isStar()) {
                continue;
            }
            sb.append(first ? "" : " \u00B7 ").append(title(k)).append(' ').append(w);
            first = false;
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "  %d spoken words \u00B7 Action+Result %d%% \u00B7 about %d:%02d at %d wpm%n",
                m.spokenWords(), Math.round(m.actionResultShare() * 100), m.speakingSeconds() / 60, m.speakingSeconds() % 60,
                m.wordsPerMinute()));
        sb.append(String.format(Locale.ROOT, "  agency: \"I\" %d \u00B7 \"we\" %d in the %s \u00B7 %d explicit decision(s)%n%n",
                m.firstPersonSingularActions(), m.firstPersonPluralActions(), "ACTION".equals(m.agencyScope()) ? "Action" : "story",
                m.explicitDecisions()));

        sb.append(style(BOLD, "Flags (" + c.flags().size() + ")")).append('\n');
        if (c.flags().isEmpty()) {
            sb.append("  none\n");
        }
        for (Flag f : c.flags()) {
            String sc = f.severity() == Severity.SEVERE ? RED : f.severity() == Severity.MAJOR ? YELLOW : CYAN;
            sb.append("  ").append(style(BOLD + sc, "[" + f.severity() + "] " + f.code())).append('\n');
            sb.append("    ").append(f.explanation()).append('\n');
            if (f.lookedFor() != null) {
                sb.append("    ").append(style(DIM, "looked for: " + f.lookedFor())).append('\n');
            }
            for (Evidence e : f.evidence()) {
                sb.append("    ").append(evidenceLine(c, e)).append('\n');
            }
        }
        sb.append('\n');

        sb.append(style(BOLD, "Dimensions")).append('\n');
        for (DimensionScore d : c.dimensions()) {
            sb.append(String.format(Locale.ROOT, "  %-10s ", d.dimension().name()));
            String bar = "\u2588".repeat(d.score()) + "\u2591".repeat(5 - d.score());
            sb.append(style(d.score() >= 4 ? GREEN : d.score() >= 2 ? YELLOW : RED, bar));
            sb.append(' ').append(d.score()).append("  ").append(d.reason()).append('\n');
        }
        sb.append('\n');

        sb.append(style(BOLD, "Principles")).append(" (fit 0-1; \u2713 demonstrated at 0.6+, * claimed)\n");
        int hidden = 0;
        for (PrincipleFit f : c.principles().fits()) {
            if (f.fit() < 0.3 && !f.claimed()) {
                hidden++;
                continue;
            }
            int filled = (int) Math.round(f.fit() * 10);
            sb.append(String.format(Locale.ROOT, "  %-22s %.2f ", f.principle().name(), f.fit()));
            sb.append(style(f.demonstrated() ? GREEN : DIM, "\u2588".repeat(filled) + "\u2591".repeat(10 - filled)));
            sb.append(f.demonstrated() ? " \u2713" : "  ").append(f.claimed() ? " *" : "").append('\n');
        }
        if (hidden > 0) {
            sb.append(style(DIM, "  " + hidden + " other principle(s) below 0.30")).append('\n');
        }
        for (PrincipleNote n : c.principles().warnings()) {
            sb.append("  ").append(style(YELLOW, "warning: ")).append(n.message()).append('\n');
        }
        for (PrincipleNote n : c.principles().suggestions()) {
            sb.append("  ").append(style(CYAN, "suggestion: ")).append(n.message()).append('\n');
        }
        sb.append('\n');

        sb.append(style(BOLD, "Level signals")).append(c.level().target() == null ? "" : " (target " + c.level().target() + ")").append('\n');
        if (c.level().signals().isEmpty()) {
            sb.append("  none found\n");
        }
        for (LevelSignal s : c.level().signals()) {
            sb.append(String.format(Locale.ROOT, "  %-9s %s%n", s.kind(), s.value()));
        }
        for (String o : c.level().observations()) {
            sb.append("  ").append(o).append('\n');
        }
        return sb.toString();
    }

    private String evidenceLine(Scorecard c, Evidence e) {
        if (e.sentence() >= 0 && e.sentence() < c.segmentation().sentences().size()) {
            Sentence s = c.segmentation().sentences().get(e.sentence());
            int a = Math.max(e.start(), s.start()) - s.start();
            int b = Math.min(e.end(), s.end()) - s.start();
            String text = s.text();
            String marked = text.substring(0, a)
                    + (ansi ? HIGHLIGHT + text.substring(a, b) + RESET : ">>" + text.substring(a, b) + "<<")
                    + text.substring(b);
            return style(DIM, "[" + title(e.section()) + " " + e.start() + "-" + e.end() + "] ") + oneLine(marked);
        }
        String text = e.text().isEmpty() ? "(empty)" : abbreviate(oneLine(e.text()), 110);
        return style(DIM, "[" + title(e.section()) + " " + e.start() + "-" + e.end() + "] " + (e.note() == null ? "" : e.note() + ": ")) + text;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String title(SectionKind k) {
        String n = k.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
}
