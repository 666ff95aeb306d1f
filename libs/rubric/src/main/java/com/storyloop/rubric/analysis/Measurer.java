package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.scorecard.Measurements;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.text.SentenceSpan;
import com.storyloop.rubric.lexicon.WordSet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Word counts, Action+Result share, speaking time and first-person agency. */
final class Measurer {
    private final RubricDefinition def;
    private final WordSet singular;
    private final WordSet plural;

    Measurer(RubricDefinition def) {
        this.def = def;
        this.singular = new WordSet(requireClass(def, "firstPersonSingular"));
        this.plural = new WordSet(requireClass(def, "firstPersonPlural"));
    }

    private static List<String> requireClass(RubricDefinition def, String name) {
        List<String> c = def.classes().get(name);
        if (c == null) {
            throw new IllegalArgumentException("the rubric definition has no class '" + name + "'");
        }
        return c;
    }

    /** I/we subject counts in the agency scope (the Action, or every spoken sentence when there is none). */
    int[] agency(Analysis a) {
        List<SentenceSpan> scope = a.sentencesIn(SectionKind.ACTION);
        int actionTokens = 0;
        for (SentenceSpan s : scope) {
            actionTokens += s.tokenCount();
        }
        boolean all = actionTokens == 0;
        if (all) {
            scope = a.spokenSentences();
        }
        int i = 0;
        int we = 0;
        for (SentenceSpan s : scope) {
            for (int t = s.tokenStart; t < s.tokenEnd; t++) {
                String w = a.story.tokens[t].norm;
                if (singular.matches(w)) {
                    i++;
                } else if (plural.matches(w)) {
                    we++;
                }
            }
        }
        return new int[]{i, we, all ? 1 : 0};
    }

    Measurements measure(Analysis a, int decisions) {
        Map<SectionKind, Integer> words = new EnumMap<>(SectionKind.class);
        for (SectionKind k : SectionKind.values()) {
            words.put(k, 0);
        }
        int total = 0;
        for (SentenceSpan s : a.story.sentences) {
            words.merge(s.section(), s.tokenCount(), Integer::sum);
            total += s.tokenCount();
        }
        int spoken = total - words.get(SectionKind.APPENDIX);
        int ar = words.get(SectionKind.ACTION) + words.get(SectionKind.RESULT);
        double share = spoken == 0 ? 0 : round3((double) ar / spoken);
        int seconds = (int) Math.round(spoken * 60.0 / def.wordsPerMinute());
        int[] ag = agency(a);
        return new Measurements(words, total, spoken, share, seconds, def.wordsPerMinute(), ag[0], ag[1], decisions,
                ag[2] == 1 ? "ALL" : "ACTION", words.get(SectionKind.APPENDIX) > 0);
    }

    static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
