package com.storyloop.rubric.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storyloop.rubric.lexicon.PolarityClassifier;
import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.Severity;
import com.storyloop.rubric.scorecard.SignalKind;
import com.storyloop.rubric.scorecard.Verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A versioned rubric: every threshold, weight, word list and phrase pattern the engine uses.
 * Version 1 ships as the classpath resource {@code rubric/v1.json}; an organisation's variant
 * or a later version is another JSON document loaded with {@link #fromJson(String)}.
 */
public final class RubricDefinition {

    public static final String STANDARD_RESOURCE = "rubric/v1.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Severity, message templates and numeric parameters of one flag rule. */
    public record FlagRule(Severity severity, String explanation, String lookedFor, Map<String, Double> params) {
        public double param(String name) {
            Double v = params.get(name);
            if (v == null) {
                throw new IllegalArgumentException("flag rule needs parameter '" + name + "'");
            }
            return v;
        }
    }

    /** Weight in the overall score, the ladder that turns a raw signal into 0-5, and parameters. */
    public record DimensionRule(double weight, double[] ladder, Map<String, Double> params) {
        public double param(String name) {
            Double v = params.get(name);
            if (v == null) {
                throw new IllegalArgumentException("dimension rule needs parameter '" + name + "'");
            }
            return v;
        }

        /** Number of ladder steps reached by {@code raw}, 0 to 5. */
        public int step(double raw) {
            int s = 0;
            for (double t : ladder) {
                if (raw >= t) {
                    s++;
                }
            }
            return Math.min(5, s);
        }
    }

    /** A verdict cap: when the flags match, the verdict can be no better than {@code cap}. */
    public record VerdictCap(String id, Severity severity, FlagCode flag, int minCount, Verdict cap) {
    }

    public record VerdictRules(int passAtLeast, int borderlineAtLeast, List<VerdictCap> caps) {
    }

    /** Lexicons of one principle and how flags and dimensions move its fit. */
    public record PrincipleRule(List<String> strong, List<String> supporting, Map<Dimension, Double> dimensions,
                                List<FlagCode> flagsAgainst) {
    }

    public record PrincipleScoring(double strongWeight, double supportingWeight, double saturation,
                                   double demonstratedAt, double warnBelow, double suggestAt, int maxEvidence,
                                   double flagPenaltyFactor) {
    }

    /** Level expectations: minimum signal values per level (keys: teams, durationMonths, ambiguity, users, money). */
    public record LevelRules(Map<Level, Map<String, Double>> expectations) {
    }

    private final String json;
    private final String version;
    private final int maxChars;
    private final double minTextRatio;
    private final int wordsPerMinute;
    private final int tooShortSeconds;
    private final int tooLongSeconds;
    private final double actionResultMinShare;
    private final Map<String, SectionKind> sectionAliases;
    private final List<String> abbreviations;
    private final Map<String, Double> numberWords;
    private final Map<String, List<String>> classes;
    private final PolarityClassifier.Config polarity;
    private final Map<String, List<String>> lexicons;
    private final Map<FlagCode, FlagRule> flags;
    private final Map<Dimension, DimensionRule> dimensions;
    private final VerdictRules verdict;
    private final Map<Principle, PrincipleRule> principles;
    private final PrincipleScoring principleScoring;
    private final Map<SignalKind, String> levelLexicons;
    private final LevelRules levelRules;
    private final Map<SectionKind, Double> inferenceWeights;
    private final Map<String, Double> inferenceParams;

    private RubricDefinition(String json, JsonNode root) {
        this.json = json;
        this.version = text(root, "version");
        JsonNode limits = req(root, "limits");
        this.maxChars = (int) num(limits, "maxChars");
        this.minTextRatio = num(limits, "minTextRatio");
        JsonNode speaking = req(root, "speaking");
        this.wordsPerMinute = (int) num(speaking, "wordsPerMinute");
        this.tooShortSeconds = (int) num(speaking, "tooShortSeconds");
        this.tooLongSeconds = (int) num(speaking, "tooLongSeconds");
        this.actionResultMinShare = num(req(root, "structure"), "actionResultMinShare");
        if (wordsPerMinute <= 0 || maxChars <= 0) {
            throw new IllegalArgumentException("wordsPerMinute and maxChars must be positive");
        }

        Map<String, SectionKind> aliases = new TreeMap<>();
        JsonNode sections = req(root, "sectionHeadings");
        for (SectionKind k : SectionKind.values()) {
            if (k == SectionKind.OTHER) {
                continue;
            }
            for (String a : strings(sections, k.name())) {
                aliases.put(a, k);
            }
        }
        this.sectionAliases = Collections.unmodifiableMap(aliases);
        this.abbreviations = strings(root, "abbreviations");
        Map<String, Double> nw = new TreeMap<>();
        JsonNode nwNode = req(root, "numberWords");
        for (Iterator<Map.Entry<String, JsonNode>> it = nwNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            nw.put(e.getKey(), e.getValue().asDouble());
        }
        this.numberWords = Collections.unmodifiableMap(nw);
        this.classes = stringListMap(req(root, "classes"));

        JsonNode neg = req(root, "polarity");
        this.polarity = new PolarityClassifier.Config((int) num(neg, "window"), (int) num(neg, "afterWindow"),
                strings(neg, "negators"), strings(neg, "hypothetical"), strings(neg, "reported"),
                strings(neg, "subjects"), strings(neg, "selfSubjects"), strings(neg, "scopeBreakers"),
                strings(neg, "fillers"), strings(neg, "after"));

        this.lexicons = stringListMap(req(root, "lexicons"));

        Map<FlagCode, FlagRule> fl = new EnumMap<>(FlagCode.class);
        JsonNode flagsNode = req(root, "flags");
        for (FlagCode f : FlagCode.values()) {
            JsonNode n = req(flagsNode, f.name());
            fl.put(f, new FlagRule(Severity.valueOf(text(n, "severity")), text(n, "explanation"),
                    n.hasNonNull("lookedFor") ? n.get("lookedFor").asText() : null, params(n)));
        }
        this.flags = Collections.unmodifiableMap(fl);

        Map<Dimension, DimensionRule> dims = new EnumMap<>(Dimension.class);
        JsonNode dimNode = req(root, "dimensions");
        double weightSum = 0;
        for (Dimension d : Dimension.values()) {
            JsonNode n = req(dimNode, d.name());
            JsonNode ladderNode = n.get("ladder");
            double[] ladder = new double[ladderNode == null ? 0 : ladderNode.size()];
            for (int i = 0; i < ladder.length; i++) {
                ladder[i] = ladderNode.get(i).asDouble();
            }
            double w = num(n, "weight");
            if (w < 0) {
                throw new IllegalArgumentException("dimension weight must not be negative: " + d);
            }
            weightSum += w;
            dims.put(d, new DimensionRule(w, ladder, params(n)));
        }
        if (weightSum <= 0) {
            throw new IllegalArgumentException("dimension weights must add up to more than zero");
        }
        this.dimensions = Collections.unmodifiableMap(dims);

        JsonNode v = req(root, "verdict");
        List<VerdictCap> caps = new ArrayList<>();
        for (JsonNode c : req(v, "caps")) {
            caps.add(new VerdictCap(text(c, "id"),
                    c.hasNonNull("severity") ? Severity.valueOf(c.get("severity").asText()) : null,
                    c.hasNonNull("flag") ? FlagCode.valueOf(c.get("flag").asText()) : null,
                    c.has("minCount") ? c.get("minCount").asInt() : 1,
                    Verdict.valueOf(text(c, "cap"))));
        }
        this.verdict = new VerdictRules((int) num(v, "passAtLeast"), (int) num(v, "borderlineAtLeast"), List.copyOf(caps));

        Map<Principle, PrincipleRule> pr = new EnumMap<>(Principle.class);
        JsonNode pNode = req(root, "principles");
        for (Principle p : Principle.values()) {
            JsonNode n = req(pNode, p.name());
            Map<Dimension, Double> dw = new EnumMap<>(Dimension.class);
            if (n.has("dimensions")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.get("dimensions").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    dw.put(Dimension.valueOf(e.getKey()), e.getValue().asDouble());
                }
            }
            List<FlagCode> against = new ArrayList<>();
            if (n.has("flagsAgainst")) {
                for (JsonNode f : n.get("flagsAgainst")) {
                    against.add(FlagCode.valueOf(f.asText()));
                }
            }
            pr.put(p, new PrincipleRule(strings(n, "strong"), n.has("supporting") ? strings(n, "supporting") : List.of(),
                    Collections.unmodifiableMap(dw), List.copyOf(against)));
        }
        this.principles = Collections.unmodifiableMap(pr);
        JsonNode ps = req(root, "principleScoring");
        this.principleScoring = new PrincipleScoring(num(ps, "strongWeight"), num(ps, "supportingWeight"),
                num(ps, "saturation"), num(ps, "demonstratedAt"), num(ps, "warnBelow"), num(ps, "suggestAt"),
                (int) num(ps, "maxEvidence"), num(ps, "flagPenaltyFactor"));

        JsonNode lv = req(root, "level");
        Map<SignalKind, String> ll = new EnumMap<>(SignalKind.class);
        JsonNode sig = req(lv, "signals");
        for (SignalKind k : SignalKind.values()) {
            ll.put(k, text(sig, k.name()));
        }
        this.levelLexicons = Collections.unmodifiableMap(ll);
        Map<Level, Map<String, Double>> exp = new EnumMap<>(Level.class);
        JsonNode expNode = req(lv, "expectations");
        for (Level l : Level.values()) {
            Map<String, Double> m = new LinkedHashMap<>();
            if (expNode.has(l.name())) {
                for (Iterator<Map.Entry<String, JsonNode>> it = expNode.get(l.name()).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    m.put(e.getKey(), e.getValue().asDouble());
                }
            }
            exp.put(l, Collections.unmodifiableMap(m));
        }
        this.levelRules = new LevelRules(Collections.unmodifiableMap(exp));

        JsonNode inf = req(root, "sectionInference");
        Map<SectionKind, Double> iw = new EnumMap<>(SectionKind.class);
        for (SectionKind k : new SectionKind[]{SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT}) {
            iw.put(k, num(req(inf, "cueWeights"), k.name()));
        }
        this.inferenceWeights = Collections.unmodifiableMap(iw);
        this.inferenceParams = params(inf);
    }

    /** Loads and validates a definition; structural errors name the missing or bad field. */
    public static RubricDefinition fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rubric definition is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("rubric definition must be a JSON object");
        }
        return new RubricDefinition(json, root);
    }

    /** Version 1, from the classpath. */
    public static RubricDefinition standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RubricDefinition STANDARD = fromResource(STANDARD_RESOURCE);
    }

    public static RubricDefinition fromResource(String resource) {
        try (InputStream in = RubricDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rubric definition resource not found: " + resource);
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("rubric definition is missing '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        return req(n, field).asText();
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = req(n, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = req(n, field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) {
            out.add(s.asText());
        }
        return List.copyOf(out);
    }

    private static Map<String, List<String>> stringListMap(JsonNode n) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), strings(n, e.getKey()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Double> params(JsonNode n) {
        Map<String, Double> out = new TreeMap<>();
        JsonNode p = n.get("params");
        if (p != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The JSON this definition was loaded from (for storing alongside an adopted version). */
    public String json() {
        return json;
    }

    public String version() {
        return version;
    }

    public int maxChars() {
        return maxChars;
    }

    public double minTextRatio() {
        return minTextRatio;
    }

    public int wordsPerMinute() {
        return wordsPerMinute;
    }

    public int tooShortSeconds() {
        return tooShortSeconds;
    }

    public int tooLongSeconds() {
        return tooLongSeconds;
    }

    public double actionResultMinShare() {
        return actionResultMinShare;
    }

    public Map<String, SectionKind> sectionAliases() {
        return sectionAliases;
    }

    public List<String> abbreviations() {
        return abbreviations;
    }

    public Map<String, Double> numberWords() {
        return numberWords;
    }

    public Map<String, List<String>> classes() {
        return classes;
    }

    public PolarityClassifier.Config polarity() {
        return polarity;
    }

    public Map<String, List<String>> lexicons() {
        return lexicons;
    }

    public FlagRule flag(FlagCode code) {
        return flags.get(code);
    }

    public DimensionRule dimension(Dimension d) {
        return dimensions.get(d);
    }

    public VerdictRules verdict() {
        return verdict;
    }

    public PrincipleRule principle(Principle p) {
        return principles.get(p);
    }

    public PrincipleScoring principleScoring() {
        return principleScoring;
    }

    public String levelLexicon(SignalKind kind) {
        return levelLexicons.get(kind);
    }

    public LevelRules levelRules() {
        return levelRules;
    }

    public double inferenceWeight(SectionKind kind) {
        return inferenceWeights.get(kind);
    }

    public double inferenceParam(String name) {
        Double v = inferenceParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("sectionInference needs parameter '" + name + "'");
        }
        return v;
    }
}
