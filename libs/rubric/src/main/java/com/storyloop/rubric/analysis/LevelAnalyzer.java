package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.lexicon.CueMatch;
import com.storyloop.rubric.lexicon.WordSet;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.LevelReport;
import com.storyloop.rubric.scorecard.LevelSignal;
import com.storyloop.rubric.scorecard.LevelSummary;
import com.storyloop.rubric.scorecard.SignalKind;
import com.storyloop.rubric.text.Token;
import com.storyloop.rubric.text.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Scope signals for L6 vs L7 (teams, money, users, duration, ambiguity), each reported with its
 * span; when a target level is given, compared with that level's expectations in the definition.
 */
final class LevelAnalyzer {

    private final RubricDefinition def;
    private final WordSet functions;

    LevelAnalyzer(RubricDefinition def) {
        this.def = def;
        List<String> f = def.classes().get("function");
        if (f == null) {
            throw new IllegalArgumentException("the rubric definition has no class 'function'");
        }
        this.functions = new WordSet(f);
    }

    LevelReport analyze(Analysis a, Level target) {
        List<LevelSignal> signals = new ArrayList<>();
        TreeSet<String> teamNames = new TreeSet<>();
        double teamsCounted = 0;
        double money = 0;
        double users = 0;
        double months = 0;
        int ambiguity = 0;
        Token[] toks = a.story.tokens;
        for (SignalKind kind : SignalKind.values()) {
            for (CueMatch m : a.notNegated(a.lex.level[kind.ordinal()])) {
                String value;
                switch (kind) {
                    case TEAMS: {
                        double n = quantity(toks, m);
                        if (!Double.isNaN(n)) {
                            teamsCounted = Math.max(teamsCounted, n);
                        }
                        for (int t = m.startToken; t < m.endToken; t++) {
                            if (functions.matches(toks[t].norm)) {
                                teamNames.add(toks[t].norm);
                            }
                        }
                        value = a.story.text.substring(toks[m.startToken].start, toks[m.endToken - 1].end);
                        break;
                    }
                    case MONEY: {
                        double n = quantity(toks, m);
                        if (!Double.isNaN(n)) {
                            money = Math.max(money, n);
                        }
                        value = Double.isNaN(n) ? text(a, m) : formatAmount(n);
                        break;
                    }
                    case USERS: {
                        double n = quantity(toks, m);
                        if (!Double.isNaN(n)) {
                            users = Math.max(users, n);
                        }
                        value = text(a, m);
                        break;
                    }
                    case DURATION: {
                        double mo = durationMonths(toks, m);
                        if (!Double.isNaN(mo)) {
                            months = Math.max(months, mo);
                        }
                        value = Double.isNaN(mo) ? text(a, m) : text(a, m) + " (" + trim(mo) + " months)";
                        break;
                    }
                    default:
                        ambiguity++;
                        value = text(a, m);
                        break;
                }
                signals.add(new LevelSignal(kind, value, a.evidence(m, kind.name().toLowerCase(Locale.ROOT) + " signal")));
            }
        }
        signals.sort((x, y) -> x.evidence().start() != y.evidence().start()
                ? Integer.compare(x.evidence().start(), y.evidence().start()) : x.kind().compareTo(y.kind()));
        int teams = (int) Math.max(teamsCounted, teamNames.size());
        LevelSummary summary = new LevelSummary(teams, money, users, round1(months), ambiguity);
        List<String> observations = new ArrayList<>();
        if (target != null) {
            Map<String, Double> exp = def.levelRules().expectations().get(target);
            for (Map.Entry<String, Double> e : exp.entrySet()) {
                double actual;
                String what;
                switch (e.getKey()) {
                    case "teams": actual = teams; what = "teams or functions involved"; break;
                    case "durationMonths": actual = months; what = "months of horizon"; break;
                    case "ambiguity": actual = ambiguity; what = "ambiguity signals"; break;
                    case "users": actual = users; what = "users or customers affected"; break;
                    case "money": actual = money; what = "money at stake"; break;
                    default: throw new IllegalArgumentException("unknown level expectation '" + e.getKey() + "'");
                }
                boolean met = actual >= e.getValue();
                observations.add(target + " expects at least " + trim(e.getValue()) + " " + what + ": found " + trim(actual)
                        + (met ? " (met)" : " (not shown)"));
            }
        }
        return new LevelReport(target, signals, summary, observations);
    }

    private static String text(Analysis a, CueMatch m) {
        return a.story.text.substring(a.story.tokens[m.startToken].start, a.story.tokens[m.endToken - 1].end);
    }

    /** First quantity in the match, times a following scale word (thousand, million...). */
    static double quantity(Token[] toks, CueMatch m) {
        for (int t = m.startToken; t < m.endToken; t++) {
            Token k = toks[t];
            if (k.kind == TokenKind.NUMBER || k.kind == TokenKind.MONEY || k.kind == TokenKind.NUMWORD || k.kind == TokenKind.PERCENT) {
                double v = k.value;
                if (Double.isNaN(v)) {
                    continue;
                }
                if (t + 1 < toks.length && toks[t + 1].kind == TokenKind.NUMWORD && toks[t + 1].value >= 100 && toks[t + 1].sentence == k.sentence) {
                    v *= toks[t + 1].value;
                }
                return v;
            }
        }
        return Double.NaN;
    }

    static double durationMonths(Token[] toks, CueMatch m) {
        double q = Double.NaN;
        for (int t = m.startToken; t < m.endToken; t++) {
            Token k = toks[t];
            if (Double.isNaN(q) && k.kind.isQuantity()) {
                q = k.value;
            }
            String w = k.norm;
            int dash = w.indexOf('-');
            String unit = dash > 0 ? w.substring(dash + 1) : w;
            double f = unitMonths(unit);
            if (!Double.isNaN(f)) {
                double n = q;
                if (dash > 0 && k.kind == TokenKind.NUMBER) {
                    n = k.value;
                }
                if (Double.isNaN(n)) {
                    n = 1;
                }
                return n * f;
            }
        }
        return Double.NaN;
    }

    private static double unitMonths(String unit) {
        switch (unit) {
            case "day": case "days": return 1.0 / 30.0;
            case "week": case "weeks": return 12.0 / 52.0;
            case "month": case "months": return 1;
            case "quarter": case "quarters": return 3;
            case "year": case "years": return 12;
            default: return Double.NaN;
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String formatAmount(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
