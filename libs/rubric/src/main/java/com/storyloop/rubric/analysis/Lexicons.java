package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.lexicon.CueIndex;
import com.storyloop.rubric.lexicon.PolarityClassifier;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.SignalKind;

import java.util.List;
import java.util.Map;

/**
 * Compiles every lexicon of a definition into one {@link CueIndex} and resolves the ids the
 * rules use, so a definition missing a lexicon fails when the engine is built, not while scoring.
 */
public final class Lexicons {
    public final CueIndex index;
    public final PolarityClassifier polarity;

    public final int decision;
    public final int frictionStrong;
    public final int frictionWeak;
    public final int harmony;
    public final int setback;
    public final int pivot;
    public final int learning;
    public final int recovery;
    public final int perfection;
    public final int hypothesis;
    public final int test;
    public final int finding;
    public final int explanation;
    public final int causal;
    public final int metric;
    public final int measurable;
    public final int customerMention;
    public final int customerCare;
    public final int harmDismissal;
    public final int harmCustomer;
    public final int bypass;
    public final int contemptStrong;
    public final int contemptWeak;
    public final int empathy;
    public final int heroStrong;
    public final int heroWeak;
    public final int heavy;
    public final int smallProblem;
    public final int showcase;
    public final int simplify;
    public final int[] section = new int[4];
    public final int[] principleStrong = new int[Principle.values().length];
    public final int[] principleSupporting = new int[Principle.values().length];
    public final int[] level = new int[SignalKind.values().length];

    public Lexicons(RubricDefinition def) {
        CueIndex.Builder b = CueIndex.builder(def.classes());
        for (Map.Entry<String, List<String>> e : def.lexicons().entrySet()) {
            b.add(e.getKey(), e.getValue());
        }
        for (Principle p : Principle.values()) {
            b.add(strongName(p), def.principle(p).strong());
            b.add(supportingName(p), def.principle(p).supporting());
        }
        this.polarity = new PolarityClassifier(def.polarity(), def.classes());
        this.index = b.build(polarity);
        decision = id("agency.decision");
        frictionStrong = id("friction.strong");
        frictionWeak = id("friction.weak");
        harmony = id("friction.harmony");
        setback = id("arc.setback");
        pivot = id("arc.pivot");
        learning = id("arc.learning");
        recovery = id("arc.recovery");
        perfection = id("arc.perfection");
        hypothesis = id("mechanism.hypothesis");
        test = id("mechanism.test");
        finding = id("mechanism.finding");
        explanation = id("mechanism.explanation");
        causal = id("mechanism.causal");
        metric = id("result.metric");
        measurable = id("result.measurable");
        customerMention = id("customer.mention");
        customerCare = id("customer.care");
        harmDismissal = id("harm.dismissal");
        harmCustomer = id("harm.customer");
        bypass = id("safeguard.bypass");
        contemptStrong = id("villain.contempt.strong");
        contemptWeak = id("villain.contempt.weak");
        empathy = id("villain.empathy");
        heroStrong = id("hero.strong");
        heroWeak = id("hero.weak");
        heavy = id("engineering.heavy");
        smallProblem = id("engineering.small");
        showcase = id("engineering.showcase");
        simplify = id("simplicity.removal");
        SectionKind[] star = {SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT};
        for (int i = 0; i < 4; i++) {
            section[i] = id("section." + star[i].name());
        }
        for (Principle p : Principle.values()) {
            principleStrong[p.ordinal()] = id(strongName(p));
            principleSupporting[p.ordinal()] = id(supportingName(p));
        }
        for (SignalKind k : SignalKind.values()) {
            level[k.ordinal()] = id(def.levelLexicon(k));
        }
    }

    private int id(String name) {
        return index.lexiconId(name);
    }

    static String strongName(Principle p) {
        return "principle." + p.name() + ".strong";
    }

    static String supportingName(Principle p) {
        return "principle." + p.name() + ".supporting";
    }
}
