package com.storyloop.console.stories.application;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a scored text into runs so each piece of evidence can be marked where it stands. Evidence spans may overlap (two
 * flags citing the same words): every run knows all the flags covering it and shows the worst severity among them.
 */
public final class EvidenceHighlighting {

    /** One cited span: char offsets into the scorecard's text (as the scoring engine reports them) and who cites it. */
    public record Span(int start, int end, String flagCode, String severity) {
    }

    /** A run of text; {@code flagCodes} in first-cited order, empty (and severity null) for plain text. */
    public record Segment(String text, List<String> flagCodes, String severity) {

        public boolean highlighted() {
            return !flagCodes.isEmpty();
        }
    }

    private static final List<String> SEVERITY_ORDER = List.of("SEVERE", "MAJOR", "MINOR");

    private EvidenceHighlighting() {
    }

    public static List<Segment> segments(String text, List<Span> spans) {
        String source = text == null ? "" : text;
        int length = source.length();
        List<Span> usable = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        for (Span span : spans) {
            // a span outside the text (a scorecard for another text, say) is dropped rather than trusted
            int start = Math.max(0, span.start());
            int end = Math.min(length, span.end());
            if (start < end) {
                usable.add(new Span(start, end, span.flagCode(), span.severity()));
                cuts.add(start);
                cuts.add(end);
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && from < cut) {
                append(segments, source.substring(from, cut), covering(usable, from, cut));
            }
            from = cut;
        }
        return segments;
    }

    private static List<Span> covering(List<Span> spans, int from, int to) {
        List<Span> covering = new ArrayList<>();
        for (Span span : spans) {
            if (span.start() <= from && span.end() >= to) {
                covering.add(span);
            }
        }
        return covering;
    }

    /** Neighbouring runs cited by the same flags become one, so a screen reader meets one mark, not many. */
    private static void append(List<Segment> segments, String text, List<Span> covering) {
        List<String> codes = new ArrayList<>();
        String severity = null;
        for (Span span : covering) {
            if (!codes.contains(span.flagCode())) {
                codes.add(span.flagCode());
            }
            severity = worse(severity, span.severity());
        }
        if (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            if (last.flagCodes().equals(codes)) {
                segments.set(segments.size() - 1, new Segment(last.text() + text, last.flagCodes(), last.severity()));
                return;
            }
        }
        segments.add(new Segment(text, List.copyOf(codes), severity));
    }

    static String worse(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int ra = SEVERITY_ORDER.indexOf(a);
        int rb = SEVERITY_ORDER.indexOf(b);
        // an unknown severity ranks below the known ones
        ra = ra < 0 ? SEVERITY_ORDER.size() : ra;
        rb = rb < 0 ? SEVERITY_ORDER.size() : rb;
        return rb < ra ? b : a;
    }

    public static int rank(String severity) {
        int r = SEVERITY_ORDER.indexOf(severity);
        return r < 0 ? SEVERITY_ORDER.size() : r;
    }
}
