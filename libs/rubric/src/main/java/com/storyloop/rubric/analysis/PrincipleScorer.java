package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.definition.RubricDefinition.PrincipleRule;
import com.storyloop.rubric.definition.RubricDefinition.PrincipleScoring;
import com.storyloop.rubric.lexicon.CueMatch;
import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.PrincipleFit;
import com.storyloop.rubric.scorecard.PrincipleNote;
import com.storyloop.rubric.scorecard.PrincipleReport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fit 0-1 for each principle: distinct strong and supporting cues, plus dimension scores named
 * by the definition, saturating at {@code saturation}; flags that contradict the principle
 * (e.g. SAFEGUARD_BYPASS for Bias for Action) scale it down.
 */
final class PrincipleScorer {

    private final RubricDefinition def;

    PrincipleScorer(RubricDefinition def) {
        this.def = def;
    }

    PrincipleReport score(Analysis a, List<DimensionScore> dims, List<Flag> flags, Set<Principle> claimed) {
        PrincipleScoring ps = def.principleScoring();
        Set<FlagCode> raised = EnumSet.noneOf(FlagCode.class);
        for (Flag f : flags) {
            raised.add(f.code());
        }
        List<PrincipleFit> fits = new ArrayList<>();
        List<Principle> demonstrated = new ArrayList<>();
        List<PrincipleNote> warnings = new ArrayList<>();
        List<PrincipleNote> suggestions = new ArrayList<>();
        for (Principle p : Principle.values()) {
            PrincipleRule rule = def.principle(p);
            List<CueMatch> strong = a.holding(a.lex.principleStrong[p.ordinal()]);
            List<CueMatch> supporting = a.holding(a.lex.principleSupporting[p.ordinal()]);
            double raw = ps.strongWeight() * Analysis.distinctCues(strong) + ps.supportingWeight() * Analysis.distinctCues(supporting);
            for (Map.Entry<Dimension, Double> e : rule.dimensions().entrySet()) {
                raw += e.getValue() * dims.get(e.getKey().ordinal()).score();
            }
            double fit = Math.min(1.0, raw / ps.saturation());
            List<FlagCode> against = new ArrayList<>();
            for (FlagCode f : rule.flagsAgainst()) {
                if (raised.contains(f)) {
                    against.add(f);
                }
            }
            if (!against.isEmpty()) {
                fit *= ps.flagPenaltyFactor();
            }
            fit = Math.round(fit * 100.0) / 100.0;
            List<Evidence> ev = new ArrayList<>(a.evidence(strong, "strong evidence", ps.maxEvidence()));
            if (ev.size() < ps.maxEvidence()) {
                ev.addAll(a.evidence(supporting, "supporting evidence", ps.maxEvidence() - ev.size()));
            }
            ev.sort((x, y) -> Integer.compare(x.start(), y.start()));
            boolean isClaimed = claimed.contains(p);
            boolean isDemonstrated = fit >= ps.demonstratedAt();
            if (isDemonstrated) {
                demonstrated.add(p);
            }
            if (isClaimed && fit < ps.warnBelow()) {
                String why = against.isEmpty() ? "" : " (" + names(against) + " works against it)";
                warnings.add(new PrincipleNote(p, "claimed " + p.name() + " but the story shows little evidence for it (fit "
                        + format(fit) + ")" + why));
            }
            if (!isClaimed && fit >= ps.suggestAt()) {
                suggestions.add(new PrincipleNote(p, "strong evidence for " + p.name() + " (fit " + format(fit)
                        + "), which is not claimed"));
            }
            fits.add(new PrincipleFit(p, fit, isClaimed, isDemonstrated, ev));
        }
        List<Principle> claimedList = new ArrayList<>();
        for (Principle p : Principle.values()) {
            if (claimed.contains(p)) {
                claimedList.add(p);
            }
        }
        return new PrincipleReport(fits, claimedList, demonstrated, warnings, suggestions);
    }

    private static String names(List<FlagCode> fs) {
        List<String> n = new ArrayList<>();
        for (FlagCode f : fs) {
            n.add(f.name());
        }
        return String.join(", ", n);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
