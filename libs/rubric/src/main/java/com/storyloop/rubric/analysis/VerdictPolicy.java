package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.definition.RubricDefinition.VerdictCap;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.Verdict;
import com.storyloop.rubric.scorecard.VerdictDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * The overall score proposes a verdict; caps from the definition (severe flags, several major
 * flags...) can only lower it. The most restrictive applicable cap is the deciding rule when it
 * is at least as low as the score's verdict.
 */
final class VerdictPolicy {

    private final RubricDefinition.VerdictRules rules;

    VerdictPolicy(RubricDefinition def) {
        this.rules = def.verdict();
    }

    VerdictDecision decide(int overall, List<Flag> flags) {
        Verdict byScore = overall >= rules.passAtLeast() ? Verdict.PASS
                : overall >= rules.borderlineAtLeast() ? Verdict.BORDERLINE : Verdict.FAIL;
        VerdictCap deciding = null;
        List<String> decidingFlags = null;
        for (VerdictCap cap : rules.caps()) {
            List<String> matching = new ArrayList<>();
            for (Flag f : flags) {
                if ((cap.severity() == null || f.severity() == cap.severity()) && (cap.flag() == null || f.code() == cap.flag())) {
                    matching.add(f.code().name());
                }
            }
            if (matching.size() < cap.minCount() || matching.isEmpty()) {
                continue;
            }
            if (deciding == null || cap.cap().ordinal() > deciding.cap().ordinal()) {
                deciding = cap;
                decidingFlags = matching;
            }
        }
        String scoreText = "overall " + overall + " (PASS at " + rules.passAtLeast() + "+, BORDERLINE at "
                + rules.borderlineAtLeast() + "+)";
        if (deciding != null && deciding.cap().ordinal() >= byScore.ordinal()) {
            String what = deciding.flag() != null ? deciding.flag().name()
                    : decidingFlags.size() + " " + deciding.severity().name() + " flag" + (decidingFlags.size() > 1 ? "s" : "")
                    + " (" + String.join(", ", decidingFlags) + ")";
            String explanation = what + " cap" + (decidingFlags.size() > 1 && deciding.flag() == null ? "" : "s")
                    + " the verdict at " + deciding.cap() + "; " + scoreText + " alone would give " + byScore;
            return new VerdictDecision(deciding.cap(), deciding.id(), explanation, byScore);
        }
        return new VerdictDecision(byScore, "SCORE", scoreText + " gives " + byScore
                + (deciding == null ? "; no cap applies" : "; the cap " + deciding.id() + " (" + deciding.cap() + ") is not lower"), byScore);
    }
}
