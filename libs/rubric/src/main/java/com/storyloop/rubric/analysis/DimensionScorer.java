package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.definition.RubricDefinition.DimensionRule;
import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Measurements;
import com.storyloop.rubric.scorecard.SectionKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The nine dimensions, each 0-5 with a one-line reason, from signals, flags and ladders in the definition. */
final class DimensionScorer {

    private final RubricDefinition def;

    DimensionScorer(RubricDefinition def) {
        this.def = def;
        r(Dimension.FRICTION).param("weakFactor");
        r(Dimension.AGENCY).param("singularFactor");
        r(Dimension.AGENCY).param("singularCap");
        r(Dimension.MECHANISM).param("metricBonus");
        r(Dimension.RESULT).param("measurableFactor");
        r(Dimension.RESULT).param("measurableCap");
        r(Dimension.CUSTOMER).param("mentionFactor");
        r(Dimension.CUSTOMER).param("mentionCap");
        for (String f : new String[]{"SAFEGUARD_BYPASS", "CUSTOMER_HARM_DISMISSED", "VILLAIN", "HERO_NARRATIVE", "OVER_ENGINEERING"}) {
            r(Dimension.JUDGEMENT).param("penalty." + f);
        }
        r(Dimension.SIMPLICITY).param("base");
        r(Dimension.SIMPLICITY).param("removalCap");
        r(Dimension.SIMPLICITY).param("heavyFactor");
        r(Dimension.STRUCTURE).param("missingSectionPenalty");
        r(Dimension.STRUCTURE).param("missingSectionCap");
        r(Dimension.STRUCTURE).param("shareBelowPenalty");
        r(Dimension.STRUCTURE).param("tooShortPenalty");
        r(Dimension.STRUCTURE).param("tooLongPenalty");
    }

    private DimensionRule r(Dimension d) {
        return def.dimension(d);
    }

    List<DimensionScore> score(Analysis a, FlagDetector.Signals s, Measurements m, List<Flag> flags) {
        Set<FlagCode> raised = EnumSet.noneOf(FlagCode.class);
        for (Flag f : flags) {
            raised.add(f.code());
        }
        List<DimensionScore> out = new ArrayList<>();
        out.add(friction(s, raised));
        out.add(agency(s, m, raised));
        out.add(mechanism(s, raised));
        out.add(result(s, raised));
        out.add(customer(a, s, raised));
        out.add(judgement(raised));
        out.add(arc(s, raised));
        out.add(simplicity(s, raised));
        out.add(structure(a, m, raised));
        return out;
    }

    private DimensionScore friction(FlagDetector.Signals s, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.FRICTION);
        int strong = Analysis.sentences(s.frictionStrong);
        int weak = Analysis.sentences(s.frictionWeak);
        if (raised.contains(FlagCode.NO_CONFLICT)) {
            return new DimensionScore(Dimension.FRICTION, 0, "no risk, failure, disagreement or trade-off found");
        }
        int score = r.step(strong + weak * r.param("weakFactor"));
        return new DimensionScore(Dimension.FRICTION, score,
                strong + " sentence(s) with disagreement, risk, failure or trade-off; " + weak + " with a lesser difficulty");
    }

    private DimensionScore agency(FlagDetector.Signals s, Measurements m, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.AGENCY);
        int decisions = s.decisions.size();
        double raw = decisions + Math.min(m.firstPersonSingularActions(), r.param("singularCap")) * r.param("singularFactor");
        int score = r.step(raw);
        if (raised.contains(FlagCode.ROYAL_WE)) {
            score = Math.min(score, 1);
        }
        return new DimensionScore(Dimension.AGENCY, score, decisions + " explicit decision(s); \"I\" " + m.firstPersonSingularActions()
                + " vs \"we\" " + m.firstPersonPluralActions() + " in the " + ("ACTION".equals(m.agencyScope()) ? "Action" : "story"));
    }

    private DimensionScore mechanism(FlagDetector.Signals s, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.MECHANISM);
        double raw = s.mechanismScore + (s.metrics.isEmpty() ? 0 : r.param("metricBonus"));
        int score = r.step(raw);
        if (raised.contains(FlagCode.METRIC_WITHOUT_MECHANISM)) {
            score = Math.min(score, 1);
        }
        return new DimensionScore(Dimension.MECHANISM, score,
                s.mechanismFound.isEmpty() ? "no hypothesis, test or finding found" : "shows " + String.join(", ", s.mechanismFound));
    }

    private DimensionScore result(FlagDetector.Signals s, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.RESULT);
        if (raised.contains(FlagCode.NO_MEASURABLE_RESULT)) {
            return new DimensionScore(Dimension.RESULT, 0, s.resultEmpty ? "no Result to measure" : "the Result has no measurable outcome");
        }
        int measurable = Analysis.sentences(s.measurable);
        int score = r.step(s.metrics.size() + Math.min(measurable, r.param("measurableCap")) * r.param("measurableFactor"));
        return new DimensionScore(Dimension.RESULT, score, s.metrics.size() + " measured change(s), " + measurable
                + " sentence(s) with a number in the Result");
    }

    private DimensionScore customer(Analysis a, FlagDetector.Signals s, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.CUSTOMER);
        if (raised.contains(FlagCode.CUSTOMER_HARM_DISMISSED)) {
            return new DimensionScore(Dimension.CUSTOMER, 0, "harm to customers is accepted for an aggregate number");
        }
        int mentions = Analysis.sentences(s.customerMentions);
        double raw = Math.min(mentions * r.param("mentionFactor"), r.param("mentionCap")) + s.customerCare.size();
        int score = r.step(raw);
        return new DimensionScore(Dimension.CUSTOMER, score, mentions + " sentence(s) about customers, "
                + s.customerCare.size() + " showing their pain or protecting them");
    }

    private DimensionScore judgement(Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.JUDGEMENT);
        double score = 5;
        List<String> issues = new ArrayList<>();
        for (FlagCode f : new FlagCode[]{FlagCode.SAFEGUARD_BYPASS, FlagCode.CUSTOMER_HARM_DISMISSED, FlagCode.VILLAIN,
                FlagCode.HERO_NARRATIVE, FlagCode.OVER_ENGINEERING}) {
            if (raised.contains(f)) {
                score -= r.param("penalty." + f.name());
                issues.add(f.name());
            }
        }
        int s = (int) Math.max(0, Math.round(score));
        return new DimensionScore(Dimension.JUDGEMENT, s,
                issues.isEmpty() ? "no bypass, villain, hero framing or dismissed harm" : "lowered by " + String.join(", ", issues));
    }

    private DimensionScore arc(FlagDetector.Signals s, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.ARC);
        int setbacks = Analysis.sentences(s.setbacks);
        int pivots = Analysis.sentences(s.pivots);
        int learn = Analysis.sentences(s.learnings);
        int rec = Analysis.sentences(s.recoveries);
        int score = r.step(setbacks + pivots + learn + rec);
        if (raised.contains(FlagCode.PERFECT_PATH)) {
            score = Math.min(score, 1);
        }
        return new DimensionScore(Dimension.ARC, score, setbacks + " setback(s), " + pivots + " pivot(s), " + learn
                + " learning(s), " + rec + " recovery signal(s)");
    }

    private DimensionScore simplicity(FlagDetector.Signals s, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.SIMPLICITY);
        int removals = Analysis.distinctCues(s.simplify);
        int heavy = Analysis.distinctCues(s.heavy);
        double raw = r.param("base") + Math.min(removals, r.param("removalCap")) - heavy * r.param("heavyFactor");
        if (raised.contains(FlagCode.OVER_ENGINEERING)) {
            raw = Math.min(raw, 1);
        }
        int score = (int) Math.max(0, Math.min(5, Math.round(raw)));
        return new DimensionScore(Dimension.SIMPLICITY, score, raised.contains(FlagCode.OVER_ENGINEERING)
                ? "a heavy solution for a small problem" : removals + " simplification(s), " + heavy + " heavy component(s)");
    }

    private DimensionScore structure(Analysis a, Measurements m, Set<FlagCode> raised) {
        DimensionRule r = r(Dimension.STRUCTURE);
        int missing = 0;
        for (SectionKind k : new SectionKind[]{SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT}) {
            if (m.wordsBySection().get(k) == 0) {
                missing++;
            }
        }
        double score = 5 - Math.min(missing * r.param("missingSectionPenalty"), r.param("missingSectionCap"));
        if (raised.contains(FlagCode.ACTION_RESULT_UNDER_60)) {
            score -= r.param("shareBelowPenalty");
        }
        if (raised.contains(FlagCode.TOO_SHORT)) {
            score -= r.param("tooShortPenalty");
        }
        if (raised.contains(FlagCode.TOO_LONG)) {
            score -= r.param("tooLongPenalty");
        }
        int s = (int) Math.max(0, Math.round(score));
        return new DimensionScore(Dimension.STRUCTURE, s, (4 - missing) + "/4 STAR sections, Action+Result "
                + Math.round(m.actionResultShare() * 100) + "%, about " + m.speakingSeconds() + " s spoken");
    }

    /** Weighted sum of the dimensions, 0-100. */
    int overall(List<DimensionScore> dims) {
        double sum = 0;
        double weights = 0;
        for (DimensionScore d : dims) {
            double w = r(d.dimension()).weight();
            sum += w * d.score();
            weights += w;
        }
        return (int) Math.round(100.0 * sum / (5.0 * weights));
    }
}
