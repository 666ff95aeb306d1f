package com.storyloop.rubric.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.LevelReport;
import com.storyloop.rubric.scorecard.LevelSignal;
import com.storyloop.rubric.scorecard.Measurements;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.PrincipleFit;
import com.storyloop.rubric.scorecard.PrincipleNote;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.Section;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.Sentence;

import java.util.Map;

/**
 * Scorecards as JSON with a fixed field order, so the same scorecard always serialises to the
 * same bytes (the CLI and the scoring-service share this writer).
 */
public final class ScorecardJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScorecardJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The complete scorecard. */
    public static ObjectNode full(Scorecard c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("rubricVersion", c.rubricVersion());
        root.put("verdict", c.verdict().verdict().name());
        root.put("overall", c.overall());
        ObjectNode v = root.putObject("verdictDecision");
        v.put("verdict", c.verdict().verdict().name());
        v.put("rule", c.verdict().rule());
        v.put("explanation", c.verdict().explanation());
        v.put("byScore", c.verdict().byScore().name());

        ObjectNode seg = root.putObject("segmentation");
        seg.put("mode", c.segmentation().mode().name());
        seg.put("text", c.text());
        ArrayNode sections = seg.putArray("sections");
        for (Section s : c.segmentation().sections()) {
            ObjectNode n = sections.addObject();
            n.put("kind", s.kind().name());
            if (s.heading() == null) {
                n.putNull("heading");
            } else {
                n.put("heading", s.heading());
            }
            n.put("start", s.start());
            n.put("end", s.end());
        }
        ArrayNode sentences = seg.putArray("sentences");
        for (Sentence s : c.segmentation().sentences()) {
            ObjectNode n = sentences.addObject();
            n.put("index", s.index());
            n.put("start", s.start());
            n.put("end", s.end());
            n.put("section", s.section().name());
            n.put("text", s.text());
        }

        Measurements m = c.measurements();
        ObjectNode mm = root.putObject("measurements");
        ObjectNode words = mm.putObject("wordsBySection");
        for (Map.Entry<SectionKind, Integer> e : m.wordsBySection().entrySet()) {
            words.put(e.getKey().name(), e.getValue());
        }
        mm.put("totalWords", m.totalWords());
        mm.put("spokenWords", m.spokenWords());
        mm.put("actionResultShare", m.actionResultShare());
        mm.put("speakingSeconds", m.speakingSeconds());
        mm.put("wordsPerMinute", m.wordsPerMinute());
        mm.put("firstPersonSingularActions", m.firstPersonSingularActions());
        mm.put("firstPersonPluralActions", m.firstPersonPluralActions());
        mm.put("explicitDecisions", m.explicitDecisions());
        mm.put("agencyScope", m.agencyScope());
        mm.put("hasAppendix", m.hasAppendix());

        ArrayNode flags = root.putArray("flags");
        for (Flag f : c.flags()) {
            ObjectNode n = flags.addObject();
            n.put("code", f.code().name());
            n.put("severity", f.severity().name());
            n.put("explanation", f.explanation());
            if (f.lookedFor() == null) {
                n.putNull("lookedFor");
            } else {
                n.put("lookedFor", f.lookedFor());
            }
            ArrayNode ev = n.putArray("evidence");
            for (Evidence e : f.evidence()) {
                fullEvidence(ev.addObject(), e);
            }
        }

        ObjectNode dims = root.putObject("dimensions");
        for (DimensionScore d : c.dimensions()) {
            ObjectNode n = dims.putObject(d.dimension().name());
            n.put("score", d.score());
            n.put("reason", d.reason());
        }

        ObjectNode pr = root.putObject("principles");
        ArrayNode fits = pr.putArray("fits");
        for (PrincipleFit f : c.principles().fits()) {
            ObjectNode n = fits.addObject();
            n.put("code", f.principle().name());
            n.put("fit", f.fit());
            n.put("claimed", f.claimed());
            n.put("demonstrated", f.demonstrated());
            ArrayNode ev = n.putArray("evidence");
            for (Evidence e : f.evidence()) {
                fullEvidence(ev.addObject(), e);
            }
        }
        codes(pr.putArray("claimed"), c.principles().claimed());
        codes(pr.putArray("demonstrated"), c.principles().demonstrated());
        notes(pr.putArray("warnings"), c.principles().warnings());
        notes(pr.putArray("suggestions"), c.principles().suggestions());

        LevelReport lr = c.level();
        ObjectNode lv = root.putObject("level");
        if (lr.target() == null) {
            lv.putNull("target");
        } else {
            lv.put("target", lr.target().name());
        }
        ObjectNode sum = lv.putObject("summary");
        sum.put("teams", lr.summary().teams());
        sum.put("largestMoney", lr.summary().largestMoney());
        sum.put("largestUserCount", lr.summary().largestUserCount());
        sum.put("longestDurationMonths", lr.summary().longestDurationMonths());
        sum.put("ambiguityMentions", lr.summary().ambiguityMentions());
        ArrayNode sig = lv.putArray("signals");
        for (LevelSignal s : lr.signals()) {
            ObjectNode n = sig.addObject();
            n.put("kind", s.kind().name());
            n.put("value", s.value());
            fullEvidence(n.putObject("evidence"), s.evidence());
        }
        ArrayNode obs = lv.putArray("observations");
        lr.observations().forEach(obs::add);
        return root;
    }

    /** One line of the CLI's {@code --jsonl} output, in the format of issue 4. */
    public static ObjectNode line(Object id, Scorecard c) {
        ObjectNode n = MAPPER.createObjectNode();
        putId(n, id);
        n.put("verdict", c.verdict().verdict().name());
        n.put("overall", c.overall());
        n.put("rubricVersion", c.rubricVersion());
        ArrayNode flags = n.putArray("flags");
        for (Flag f : c.flags()) {
            ObjectNode fn = flags.addObject();
            fn.put("code", f.code().name());
            fn.put("severity", f.severity().name());
            ArrayNode ev = fn.putArray("evidence");
            for (Evidence e : f.evidence()) {
                shortEvidence(ev.addObject(), e);
            }
        }
        ObjectNode dims = n.putObject("dimensions");
        for (DimensionScore d : c.dimensions()) {
            ObjectNode dn = dims.putObject(d.dimension().name());
            dn.put("score", d.score());
            dn.put("reason", d.reason());
        }
        ArrayNode pr = n.putArray("principles");
        for (PrincipleFit f : c.principles().fits()) {
            ObjectNode pn = pr.addObject();
            pn.put("code", f.principle().name());
            pn.put("fit", f.fit());
            ArrayNode ev = pn.putArray("evidence");
            for (Evidence e : f.evidence()) {
                shortEvidence(ev.addObject(), e);
            }
        }
        ArrayNode dem = n.putArray("principles_demonstrated");
        for (Principle p : c.principles().demonstrated()) {
            dem.add(p.name());
        }
        n.put("word_count", c.measurements().spokenWords());
        n.put("action_result_ratio", c.measurements().actionResultShare());
        n.put("speaking_seconds", c.measurements().speakingSeconds());
        return n;
    }

    /** An error line for one input line of a batch. */
    public static ObjectNode errorLine(Object id, int lineNumber, String code, String message) {
        ObjectNode n = MAPPER.createObjectNode();
        putId(n, id);
        n.put("line", lineNumber);
        ObjectNode e = n.putObject("error");
        e.put("code", code);
        e.put("message", message);
        return n;
    }

    private static void putId(ObjectNode n, Object id) {
        if (id == null) {
            n.putNull("id");
        } else if (id instanceof com.fasterxml.jackson.databind.JsonNode j) {
            n.set("id", j);
        } else if (id instanceof Number num) {
            n.put("id", num.longValue());
        } else {
            n.put("id", id.toString());
        }
    }

    public static String toJson(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPrettyJson(ObjectNode n) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fullEvidence(ObjectNode n, Evidence e) {
        n.put("start", e.start());
        n.put("end", e.end());
        n.put("text", e.text());
        n.put("section", e.section().name());
        n.put("sentence", e.sentence());
        if (e.note() == null) {
            n.putNull("note");
        } else {
            n.put("note", e.note());
        }
    }

    private static void shortEvidence(ObjectNode n, Evidence e) {
        n.put("start", e.start());
        n.put("end", e.end());
        n.put("text", e.text());
    }

    private static void codes(ArrayNode a, java.util.List<Principle> ps) {
        for (Principle p : ps) {
            a.add(p.name());
        }
    }

    private static void notes(ArrayNode a, java.util.List<PrincipleNote> ns) {
        for (PrincipleNote p : ns) {
            ObjectNode n = a.addObject();
            n.put("code", p.principle().name());
            n.put("message", p.message());
        }
    }
}
