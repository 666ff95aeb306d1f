package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.definition.RubricDefinition.FlagRule;
import com.storyloop.rubric.lexicon.CueMatch;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Measurements;
import com.storyloop.rubric.scorecard.Section;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.text.SentenceSpan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flags of rubric.md. Each rule reads its thresholds from the definition and returns evidence. */
final class FlagDetector {

    private static final int MAX_EVIDENCE = 6;

    private final RubricDefinition def;

    FlagDetector(RubricDefinition def) {
        this.def = def;
        // touch every parameter once so a definition missing one fails at engine construction
        p(FlagCode.NO_CONFLICT, "maxWeakFriction");
        p(FlagCode.VILLAIN, "strongWeight");
        p(FlagCode.VILLAIN, "weakWeight");
        p(FlagCode.VILLAIN, "threshold");
        p(FlagCode.VILLAIN, "maxEmpathy");
        p(FlagCode.SAFEGUARD_BYPASS, "minHits");
        p(FlagCode.CUSTOMER_HARM_DISMISSED, "harmWindowSentences");
        p(FlagCode.ROYAL_WE, "minWe");
        p(FlagCode.ROYAL_WE, "singularRatio");
        p(FlagCode.ROYAL_WE, "minDecisions");
        p(FlagCode.HERO_NARRATIVE, "strongWeight");
        p(FlagCode.HERO_NARRATIVE, "weakWeight");
        p(FlagCode.HERO_NARRATIVE, "threshold");
        for (String k : new String[]{"dumpMetrics", "dumpMinScore", "singleMinScore", "weight.hypothesis", "weight.test",
                "weight.finding", "weight.explanation", "weight.causal"}) {
            p(FlagCode.METRIC_WITHOUT_MECHANISM, k);
        }
        p(FlagCode.OVER_ENGINEERING, "minHeavy");
        p(FlagCode.OVER_ENGINEERING, "minContext");
        p(FlagCode.ACTION_RESULT_UNDER_60, "minWords");
    }

    private double p(FlagCode f, String name) {
        return def.flag(f).param(name);
    }

    /** Counts the rules need, kept for dimensions and the report. */
    static final class Signals {
        List<CueMatch> frictionStrong;
        List<CueMatch> frictionWeak;
        List<CueMatch> harmony;
        List<CueMatch> setbacks;
        List<CueMatch> pivots;
        List<CueMatch> learnings;
        List<CueMatch> recoveries;
        List<CueMatch> perfection;
        double mechanismScore;
        List<String> mechanismFound;
        List<CueMatch> hypotheses;
        List<CueMatch> tests;
        List<CueMatch> findings;
        List<CueMatch> explanations;
        List<CueMatch> causal;
        List<CueMatch> metrics;
        List<CueMatch> measurable;
        List<CueMatch> decisions;
        List<CueMatch> heavy;
        List<CueMatch> simplify;
        List<CueMatch> customerMentions;
        List<CueMatch> customerCare;
        boolean resultEmpty;
    }

    Signals signals(Analysis a) {
        Lexicons l = a.lex;
        Signals s = new Signals();
        // friction voiced by others ("the VP argued", "colleagues called it a trade-off") is still friction;
        // only negated friction ("nobody disagreed") does not count. Setbacks, dismissed trade-offs and
        // bypassed safeguards are hard calls too.
        s.frictionStrong = merge(merge(a.notNegated(l.frictionStrong), a.holding(l.setback)),
                merge(a.holding(l.harmDismissal), a.holding(l.bypass)));
        s.frictionWeak = a.notNegated(l.frictionWeak);
        s.harmony = a.holding(l.harmony);
        s.setbacks = a.holdingIn(l.setback, FlagDetector::isArcSection);
        s.pivots = a.holdingIn(l.pivot, FlagDetector::isArcSection);
        s.learnings = a.holdingIn(l.learning, FlagDetector::isArcSection);
        s.recoveries = a.holdingIn(l.recovery, FlagDetector::isArcSection);
        s.perfection = a.holding(l.perfection);
        s.hypotheses = a.holding(l.hypothesis);
        s.tests = a.holding(l.test);
        s.findings = a.holding(l.finding);
        s.explanations = a.holding(l.explanation);
        s.causal = a.holding(l.causal);
        s.mechanismFound = new ArrayList<>();
        s.mechanismScore = mech(s, s.hypotheses, "hypothesis") + mech(s, s.tests, "test") + mech(s, s.findings, "finding")
                + mech(s, s.explanations, "explanation") + mech(s, s.causal, "causal");
        boolean hasResult = !a.sentencesIn(SectionKind.RESULT).isEmpty();
        s.resultEmpty = !hasResult;
        s.metrics = a.notNegated(l.metric).stream().filter(m -> !hasResult || a.sectionOf(m) == SectionKind.RESULT).toList();
        s.measurable = a.notNegated(l.measurable).stream().filter(m -> a.sectionOf(m) == SectionKind.RESULT).toList();
        s.decisions = a.holding(l.decision);
        s.heavy = a.holding(l.heavy);
        s.simplify = a.holding(l.simplify);
        s.customerMentions = a.notNegated(l.customerMention);
        s.customerCare = a.holding(l.customerCare);
        return s;
    }

    private double mech(Signals s, List<CueMatch> ms, String category) {
        if (ms.isEmpty()) {
            return 0;
        }
        s.mechanismFound.add(category);
        return p(FlagCode.METRIC_WITHOUT_MECHANISM, "weight." + category);
    }

    private static boolean isArcSection(SectionKind k) {
        return k == SectionKind.ACTION || k == SectionKind.RESULT || k == SectionKind.OTHER;
    }

    List<Flag> detect(Analysis a, Signals s, Measurements m) {
        List<Flag> flags = new ArrayList<>();
        noConflict(a, s, flags);
        villain(a, flags);
        safeguardBypass(a, flags);
        customerHarm(a, flags);
        royalWe(a, s, m, flags);
        hero(a, flags);
        metricWithoutMechanism(a, s, flags);
        perfectPath(a, s, flags);
        overEngineering(a, s, flags);
        noMeasurableResult(a, s, flags);
        actionResultShare(a, m, flags);
        length(a, m, flags);
        return flags;
    }

    private Flag flag(FlagCode code, Map<String, ?> values, List<Evidence> evidence) {
        FlagRule r = def.flag(code);
        return new Flag(code, r.severity(), Templates.fill(r.explanation(), values), evidence, Templates.fill(r.lookedFor(), values));
    }

    private void noConflict(Analysis a, Signals s, List<Flag> out) {
        if (!s.frictionStrong.isEmpty() || s.frictionWeak.size() > p(FlagCode.NO_CONFLICT, "maxWeakFriction")) {
            return;
        }
        List<Evidence> ev = new ArrayList<>(a.evidence(s.harmony, "says there was no friction", MAX_EVIDENCE));
        ev.addAll(a.evidence(s.frictionWeak, "the only hint of difficulty", 2));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("weak", s.frictionWeak.size());
        v.put("harmony", s.harmony.size());
        out.add(flag(FlagCode.NO_CONFLICT, v, ev));
    }

    private void villain(Analysis a, List<Flag> out) {
        Lexicons l = a.lex;
        List<CueMatch> strong = a.holding(l.contemptStrong);
        List<CueMatch> weak = a.holding(l.contemptWeak);
        List<CueMatch> empathy = a.holding(l.empathy);
        double score = strong.size() * p(FlagCode.VILLAIN, "strongWeight") + weak.size() * p(FlagCode.VILLAIN, "weakWeight");
        if (score < p(FlagCode.VILLAIN, "threshold") || empathy.size() > p(FlagCode.VILLAIN, "maxEmpathy")) {
            return;
        }
        List<CueMatch> all = merge(strong, weak);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", all.size());
        out.add(flag(FlagCode.VILLAIN, v, a.evidence(all, "contempt for another person or team", MAX_EVIDENCE)));
    }

    private void safeguardBypass(Analysis a, List<Flag> out) {
        List<CueMatch> hits = a.holding(a.lex.bypass);
        if (hits.size() < p(FlagCode.SAFEGUARD_BYPASS, "minHits")) {
            return;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", hits.size());
        out.add(flag(FlagCode.SAFEGUARD_BYPASS, v, a.evidence(hits, "a safeguard skipped or overridden", MAX_EVIDENCE)));
    }

    private void customerHarm(Analysis a, List<Flag> out) {
        List<CueMatch> dismissals = a.holding(a.lex.harmDismissal);
        if (dismissals.isEmpty()) {
            return;
        }
        List<CueMatch> harms = a.notNegated(a.lex.harmCustomer);
        int window = (int) p(FlagCode.CUSTOMER_HARM_DISMISSED, "harmWindowSentences");
        List<Evidence> ev = new ArrayList<>();
        BitSet usedHarm = new BitSet();
        for (CueMatch d : dismissals) {
            CueMatch nearest = null;
            for (CueMatch h : harms) {
                int dist = d.sentence - h.sentence;
                if (dist >= -1 && dist <= window && (nearest == null || Math.abs(dist) < Math.abs(d.sentence - nearest.sentence))) {
                    nearest = h;
                }
            }
            if (nearest == null) {
                continue;
            }
            ev.add(a.evidence(d, "harm accepted as a trade-off"));
            if (!usedHarm.get(nearest.startToken)) {
                usedHarm.set(nearest.startToken);
                ev.add(a.evidence(nearest, "the customer harm"));
            }
        }
        if (ev.isEmpty()) {
            return;
        }
        ev.sort((x, y) -> Integer.compare(x.start(), y.start()));
        out.add(flag(FlagCode.CUSTOMER_HARM_DISMISSED, Map.of(), ev.subList(0, Math.min(ev.size(), MAX_EVIDENCE))));
    }

    private void royalWe(Analysis a, Signals s, Measurements m, List<Flag> out) {
        int we = m.firstPersonPluralActions();
        int i = m.firstPersonSingularActions();
        int decisions = s.decisions.size();
        if (we < p(FlagCode.ROYAL_WE, "minWe") || decisions >= p(FlagCode.ROYAL_WE, "minDecisions")
                || i >= p(FlagCode.ROYAL_WE, "singularRatio") * we) {
            return;
        }
        List<Evidence> ev = new ArrayList<>();
        boolean actionScope = "ACTION".equals(m.agencyScope());
        for (SentenceSpan ss : actionScope ? a.sentencesIn(SectionKind.ACTION) : a.spokenSentences()) {
            if (ev.size() >= 3) {
                break;
            }
            for (int t = ss.tokenStart; t < ss.tokenEnd; t++) {
                String w = a.story.tokens[t].norm;
                if (w.equals("we") || w.startsWith("we'")) {
                    ev.add(a.sentenceEvidence(ss.index, "\"we\" carries the action"));
                    break;
                }
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("we", we);
        v.put("i", i);
        v.put("scope", actionScope ? "Action" : "story");
        out.add(flag(FlagCode.ROYAL_WE, v, ev));
    }

    private void hero(Analysis a, List<Flag> out) {
        List<CueMatch> strong = a.holding(a.lex.heroStrong);
        List<CueMatch> weak = a.holding(a.lex.heroWeak);
        double score = strong.size() * p(FlagCode.HERO_NARRATIVE, "strongWeight") + weak.size() * p(FlagCode.HERO_NARRATIVE, "weakWeight");
        if (score < p(FlagCode.HERO_NARRATIVE, "threshold")) {
            return;
        }
        List<CueMatch> all = merge(strong, weak);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", all.size());
        out.add(flag(FlagCode.HERO_NARRATIVE, v, a.evidence(all, "lone-wolf framing", MAX_EVIDENCE)));
    }

    private void metricWithoutMechanism(Analysis a, Signals s, List<Flag> out) {
        int metrics = s.metrics.size();
        if (metrics == 0) {
            return;
        }
        double score = s.mechanismScore;
        boolean none = score < p(FlagCode.METRIC_WITHOUT_MECHANISM, "singleMinScore");
        boolean dump = metrics >= p(FlagCode.METRIC_WITHOUT_MECHANISM, "dumpMetrics") && score < p(FlagCode.METRIC_WITHOUT_MECHANISM, "dumpMinScore");
        if (!none && !dump) {
            return;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("metrics", metrics);
        v.put("score", score);
        v.put("found", s.mechanismFound.isEmpty() ? "nothing" : String.join(", ", s.mechanismFound));
        List<Evidence> ev = new ArrayList<>(a.evidence(s.metrics, "a number with no stated cause", MAX_EVIDENCE));
        List<CueMatch> mech = merge(merge(s.hypotheses, s.tests), merge(merge(s.findings, s.explanations), s.causal));
        ev.addAll(a.evidence(mech, "the only mechanism found", 2));
        out.add(flag(FlagCode.METRIC_WITHOUT_MECHANISM, v, ev));
    }

    private void perfectPath(Analysis a, Signals s, List<Flag> out) {
        int setbackOrLearning = s.setbacks.size() + s.learnings.size();
        int arc = setbackOrLearning + s.pivots.size();
        boolean claimsPerfection = !s.perfection.isEmpty() && setbackOrLearning == 0;
        if (!claimsPerfection && arc > 0) {
            return;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("perfection", s.perfection.size());
        out.add(flag(FlagCode.PERFECT_PATH, v, a.evidence(s.perfection, "claims everything went to plan", MAX_EVIDENCE)));
    }

    private void overEngineering(Analysis a, Signals s, List<Flag> out) {
        int heavy = Analysis.distinctCues(s.heavy);
        if (heavy < p(FlagCode.OVER_ENGINEERING, "minHeavy")) {
            return;
        }
        List<CueMatch> small = a.notNegated(a.lex.smallProblem);
        List<CueMatch> show = a.holding(a.lex.showcase);
        if (small.size() + show.size() < p(FlagCode.OVER_ENGINEERING, "minContext")) {
            return;
        }
        List<Evidence> ev = new ArrayList<>(a.evidence(s.heavy, "heavy machinery", 4));
        ev.addAll(a.evidence(small, "the size of the problem", 2));
        ev.addAll(a.evidence(show, "presented as invention", 2));
        ev.sort((x, y) -> Integer.compare(x.start(), y.start()));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("heavy", heavy);
        out.add(flag(FlagCode.OVER_ENGINEERING, v, ev));
    }

    private void noMeasurableResult(Analysis a, Signals s, List<Flag> out) {
        if (!s.measurable.isEmpty()) {
            return;
        }
        Section result = a.story.section(SectionKind.RESULT);
        List<Evidence> ev = new ArrayList<>();
        String state;
        if (s.resultEmpty) {
            state = result == null ? "there is no Result section" : "the Result section is empty";
            if (result != null) {
                ev.add(new Evidence(result.start(), result.end(), "", SectionKind.RESULT, -1, state));
            }
        } else {
            state = "the Result has no number, comparison or observable outcome";
            for (SentenceSpan ss : a.sentencesIn(SectionKind.RESULT)) {
                if (ev.size() >= 3) {
                    break;
                }
                ev.add(a.sentenceEvidence(ss.index, "no measurable outcome here"));
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("state", state);
        out.add(flag(FlagCode.NO_MEASURABLE_RESULT, v, ev));
    }

    private void actionResultShare(Analysis a, Measurements m, List<Flag> out) {
        double min = def.actionResultMinShare();
        if (m.spokenWords() < p(FlagCode.ACTION_RESULT_UNDER_60, "minWords") || m.actionResultShare() >= min) {
            return;
        }
        List<Evidence> ev = new ArrayList<>();
        for (Section sec : a.story.sections()) {
            if (sec.kind() == SectionKind.SITUATION || sec.kind() == SectionKind.TASK || sec.kind() == SectionKind.OTHER) {
                int words = m.wordsBySection().get(sec.kind());
                ev.add(new Evidence(sec.start(), sec.end(), a.story.text.substring(sec.start(), sec.end()), sec.kind(), -1,
                        words + " words of context"));
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("share", Math.round(m.actionResultShare() * 100));
        v.put("min", Math.round(min * 100));
        v.put("arWords", m.wordsBySection().get(SectionKind.ACTION) + m.wordsBySection().get(SectionKind.RESULT));
        v.put("words", m.spokenWords());
        out.add(flag(FlagCode.ACTION_RESULT_UNDER_60, v, ev));
    }

    private void length(Analysis a, Measurements m, List<Flag> out) {
        FlagCode code = null;
        if (m.speakingSeconds() < def.tooShortSeconds()) {
            code = FlagCode.TOO_SHORT;
        } else if (m.speakingSeconds() > def.tooLongSeconds()) {
            code = FlagCode.TOO_LONG;
        }
        if (code == null) {
            return;
        }
        List<SentenceSpan> spoken = a.spokenSentences();
        List<Evidence> ev = new ArrayList<>();
        String note = m.spokenWords() + " words, about " + m.speakingSeconds() + " s at " + m.wordsPerMinute() + " wpm";
        if (!spoken.isEmpty()) {
            int st = spoken.get(0).start;
            int en = spoken.get(spoken.size() - 1).end;
            ev.add(new Evidence(st, en, a.story.text.substring(st, en), spoken.get(0).section(), -1, note));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("words", m.spokenWords());
        v.put("seconds", m.speakingSeconds());
        v.put("wpm", m.wordsPerMinute());
        v.put("min", def.tooShortSeconds());
        v.put("max", def.tooLongSeconds());
        out.add(flag(code, v, ev));
    }

    static List<CueMatch> merge(List<CueMatch> x, List<CueMatch> y) {
        List<CueMatch> all = new ArrayList<>(x.size() + y.size());
        all.addAll(x);
        all.addAll(y);
        all.sort((p, q) -> p.startToken != q.startToken ? Integer.compare(p.startToken, q.startToken) : Integer.compare(p.cue.id, q.cue.id));
        return all;
    }
}
