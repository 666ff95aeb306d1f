package com.storyloop.console.stories.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.storyloop.console.web.JsonFields;
import com.storyloop.console.web.Principles;

import static com.storyloop.console.web.JsonFields.decimal;
import static com.storyloop.console.web.JsonFields.integer;
import static com.storyloop.console.web.JsonFields.object;
import static com.storyloop.console.web.JsonFields.objects;
import static com.storyloop.console.web.JsonFields.text;
import static com.storyloop.console.web.JsonFields.textOrEmpty;

/**
 * A scorecard from scoring-service, arranged for the editor's preview: the verdict and the rule that decided it, the
 * flags worst first, the text with every flag's evidence marked (and numbered, so the marks do not rely on colour),
 * claimed against detected principles, and the nine dimensions with their reasons. Nothing is re-scored here.
 */
public record RubricPreview(Integer overall, String verdict, String rule, String explanation, List<Flag> flags, List<Block> scoredText,
                            List<PrincipleRow> principles, List<PrincipleRow> otherPrinciples, List<String> principleNotes,
                            List<DimensionRow> dimensions, Integer totalWords, Integer speakingSeconds) {

    /** A flag as listed: {@code number} is the reference shown beside its marks in the text. */
    public record Flag(int number, String code, String severity, String explanation, String lookedFor, List<Quote> evidence,
                       List<String> wholeStoryNotes) {
    }

    /** One piece of evidence quoted under its flag. */
    public record Quote(String text, String section, String note) {
    }

    /** A section of the scored text; {@code label} is null for text outside any section. */
    public record Block(String label, List<Run> runs) {
    }

    /** A run of text; when marked, {@code refs} are the numbers of the flags citing it and {@code flagCodes} their codes. */
    public record Run(String text, String severity, List<Integer> refs, String flagCodes) {

        public boolean marked() {
            return !refs.isEmpty();
        }

        /** What the mark means in words, for its title and for screen readers. */
        public String describe() {
            return "evidence for " + flagCodes.replace(' ', ',').replace(",", ", ") + " (" + severity + ")";
        }
    }

    /** {@code fit} 0 to 1 from the engine, shown as a number with two decimals. */
    public record PrincipleRow(String code, String title, boolean claimed, boolean demonstrated, Double fit, int evidenceCount) {

        public String fitText() {
            return fit == null ? "–" : String.format(Locale.ROOT, "%.2f", fit);
        }

        /** Percent of the bar drawn beside the number (the number carries the meaning). */
        public int fitPercent() {
            return fit == null ? 0 : (int) Math.round(Math.max(0, Math.min(1, fit)) * 100);
        }

        public String status() {
            if (claimed && demonstrated) {
                return "claimed and shown";
            }
            if (claimed) {
                return "claimed, not shown";
            }
            return demonstrated ? "shown, not claimed" : "not claimed";
        }
    }

    public record DimensionRow(String name, String label, Integer score, String reason) {
    }

    /** The engine's order of the nine dimensions; a new one from a later rubric goes after them. */
    static final List<String> DIMENSION_ORDER = List.of("FRICTION", "AGENCY", "MECHANISM", "RESULT", "CUSTOMER", "JUDGEMENT", "ARC",
            "SIMPLICITY", "STRUCTURE");

    public static RubricPreview from(Map<String, Object> scorecard) {
        Map<String, Object> decision = object(scorecard, "verdictDecision");
        List<Flag> flags = flags(scorecard);
        Map<String, Object> segmentation = object(scorecard, "segmentation");
        Map<String, Object> principles = object(scorecard, "principles");
        Map<String, Object> measurements = object(scorecard, "measurements");
        List<PrincipleRow> rows = principleRows(principles);
        List<PrincipleRow> shown = new ArrayList<>();
        List<PrincipleRow> others = new ArrayList<>();
        for (PrincipleRow row : rows) {
            (row.claimed() || row.demonstrated() ? shown : others).add(row);
        }
        return new RubricPreview(integer(scorecard, "overall"), text(scorecard, "verdict"), text(decision, "rule"), text(decision, "explanation"),
                flags, blocks(textOrEmpty(segmentation, "text"), objects(segmentation, "sections"), flags, scorecard),
                shown, others, principleNotes(principles), dimensions(object(scorecard, "dimensions")),
                integer(measurements, "totalWords"), integer(measurements, "speakingSeconds"));
    }

    public String ruleLabel() {
        return rule == null ? "" : humanize(rule);
    }

    private static List<Flag> flags(Map<String, Object> scorecard) {
        List<Map<String, Object>> raw = new ArrayList<>(objects(scorecard, "flags"));
        // worst first; the engine's order is kept among flags of one severity
        raw.sort(Comparator.comparingInt(f -> EvidenceHighlighting.rank(text(f, "severity"))));
        List<Flag> flags = new ArrayList<>();
        int number = 1;
        for (Map<String, Object> f : raw) {
            List<Quote> quotes = new ArrayList<>();
            List<String> wholeStory = new ArrayList<>();
            for (Map<String, Object> e : objects(f, "evidence")) {
                if (citesWholeStory(e)) {
                    wholeStory.add(textOrEmpty(e, "note"));
                } else {
                    quotes.add(new Quote(textOrEmpty(e, "text"), sectionLabel(text(e, "section")), text(e, "note")));
                }
            }
            flags.add(new Flag(number++, text(f, "code"), text(f, "severity"), text(f, "explanation"), text(f, "lookedFor"), quotes, wholeStory));
        }
        return flags;
    }

    /**
     * Evidence about the story as a whole (its length, say) carries sentence -1 and spans everything: marking all the text
     * would hide the marks that matter, so its note is shown with the flag instead.
     */
    static boolean citesWholeStory(Map<String, Object> evidence) {
        Integer sentence = integer(evidence, "sentence");
        return sentence != null && sentence < 0;
    }

    private static List<Block> blocks(String text, List<Map<String, Object>> sections, List<Flag> flags, Map<String, Object> scorecard) {
        List<EvidenceHighlighting.Span> spans = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Flag flag : flags) {
            numbers.put(flag.code(), flag.number());
        }
        for (Map<String, Object> f : objects(scorecard, "flags")) {
            for (Map<String, Object> e : objects(f, "evidence")) {
                Integer start = integer(e, "start");
                Integer end = integer(e, "end");
                if (start != null && end != null && !citesWholeStory(e)) {
                    spans.add(new EvidenceHighlighting.Span(start, end, text(f, "code"), text(f, "severity")));
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        List<Map<String, Object>> ordered = new ArrayList<>(sections);
        ordered.sort(Comparator.comparingInt(s -> integer(s, "start") == null ? 0 : integer(s, "start")));
        for (Map<String, Object> section : ordered) {
            Integer start = integer(section, "start");
            Integer end = integer(section, "end");
            if (start == null || end == null || start < at || end > text.length() || start > end) {
                continue;
            }
            String heading = text(section, "heading");
            addGap(blocks, text, at, start, spans, numbers, heading);
            String label = heading != null ? heading : sectionLabel(text(section, "kind")) + " (as the engine read it)";
            blocks.add(new Block(label, runs(text, start, end, spans, numbers)));
            at = end;
        }
        addGap(blocks, text, at, text.length(), spans, numbers, null);
        return blocks;
    }

    /** Text between sections is usually just the "## Situation" line the engine rendered; anything else is kept. */
    private static void addGap(List<Block> blocks, String text, int from, int to, List<EvidenceHighlighting.Span> spans,
                               Map<String, Integer> numbers, String nextHeading) {
        if (from >= to) {
            return;
        }
        String gap = text.substring(from, to).strip();
        if (gap.isEmpty() || (nextHeading != null && gap.equals("## " + nextHeading))) {
            return;
        }
        blocks.add(new Block(null, runs(text, from, to, spans, numbers)));
    }

    private static List<Run> runs(String text, int from, int to, List<EvidenceHighlighting.Span> spans, Map<String, Integer> numbers) {
        List<EvidenceHighlighting.Span> shifted = new ArrayList<>();
        for (EvidenceHighlighting.Span span : spans) {
            shifted.add(new EvidenceHighlighting.Span(span.start() - from, span.end() - from, span.flagCode(), span.severity()));
        }
        List<Run> runs = new ArrayList<>();
        for (EvidenceHighlighting.Segment segment : EvidenceHighlighting.segments(text.substring(from, to), shifted)) {
            List<Integer> refs = new ArrayList<>();
            for (String code : segment.flagCodes()) {
                refs.add(numbers.getOrDefault(code, 0));
            }
            runs.add(new Run(segment.text(), segment.severity(), refs, String.join(" ", segment.flagCodes())));
        }
        return runs;
    }

    private static List<PrincipleRow> principleRows(Map<String, Object> principles) {
        List<PrincipleRow> rows = new ArrayList<>();
        for (Map<String, Object> fit : objects(principles, "fits")) {
            String code = text(fit, "code");
            rows.add(new PrincipleRow(code, Principles.name(code), JsonFields.flag(fit, "claimed"), JsonFields.flag(fit, "demonstrated"),
                    decimal(fit, "fit"), objects(fit, "evidence").size()));
        }
        // claimed first, then the best fits: the rows a coach reads before the rest
        rows.sort(Comparator.comparing((PrincipleRow r) -> !r.claimed())
                .thenComparing(r -> r.fit() == null ? 0.0 : r.fit(), Comparator.reverseOrder()));
        return rows;
    }

    private static List<String> principleNotes(Map<String, Object> principles) {
        List<String> notes = new ArrayList<>();
        for (String field : List.of("warnings", "suggestions")) {
            Object value = principles.get(field);
            if (value instanceof List) {
                for (Object item : (List<?>) value) {
                    if (item instanceof Map) {
                        Object message = ((Map<?, ?>) item).get("message");
                        if (message != null) {
                            notes.add(message.toString());
                        }
                    } else if (item != null) {
                        notes.add(item.toString());
                    }
                }
            }
        }
        return notes;
    }

    private static List<DimensionRow> dimensions(Map<String, Object> dimensions) {
        List<String> names = new ArrayList<>(dimensions.keySet());
        names.sort(Comparator.comparingInt(RubricPreview::dimensionRank).thenComparing(Comparator.naturalOrder()));
        List<DimensionRow> rows = new ArrayList<>();
        for (String name : names) {
            Object value = dimensions.get(name);
            @SuppressWarnings("unchecked")
            Map<String, Object> dimension = value instanceof Map ? (Map<String, Object>) value : Map.of();
            rows.add(new DimensionRow(name, humanize(name), integer(dimension, "score"), text(dimension, "reason")));
        }
        return rows;
    }

    static int dimensionRank(String name) {
        int rank = DIMENSION_ORDER.indexOf(name);
        return rank < 0 ? DIMENSION_ORDER.size() : rank;
    }

    /** "SITUATION" reads "Situation"; "MAJOR_FLAG" reads "Major flag". */
    public static String humanize(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String sectionLabel(String kind) {
        return kind == null ? "" : humanize(kind);
    }
}
