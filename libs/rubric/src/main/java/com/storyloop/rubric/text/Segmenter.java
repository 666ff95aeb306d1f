package com.storyloop.rubric.text;

import com.storyloop.rubric.scorecard.Section;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.SegmentationMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sections (STAR fields, Markdown headings, "Situation:" labels), sentences and tokens.
 * Patterns are compiled once; the per-story work is a few linear passes.
 */
public final class Segmenter {

    public static final String[] STAR_HEADINGS = {"Situation", "Task", "Action", "Result"};
    private static final SectionKind[] STAR_KINDS = {SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT};

    private static final Pattern HEADING = Pattern.compile("^[ \\t]{0,3}(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern LABEL = Pattern.compile(
            "^[ \\t]{0,3}(?:\\*\\*|__)?([\\p{L}][\\p{L} '\u2019\\-/]{0,40}?)(?:\\*\\*|__)?[ \\t]*:(?:\\*\\*|__)?[ \\t]*");

    private final List<Map.Entry<String, SectionKind>> aliases;
    private final Set<String> abbreviations;
    private final Tokenizer tokenizer;

    public Segmenter(Map<String, SectionKind> aliases, Set<String> abbreviations, Map<String, Double> numberWords) {
        List<Map.Entry<String, SectionKind>> list = new ArrayList<>();
        for (Map.Entry<String, SectionKind> e : aliases.entrySet()) {
            list.add(Map.entry(normalizeTitle(e.getKey()), e.getValue()));
        }
        // longest alias first, then alphabetical: deterministic
        list.sort(Comparator.<Map.Entry<String, SectionKind>>comparingInt(e -> -e.getKey().length()).thenComparing(Map.Entry::getKey));
        this.aliases = List.copyOf(list);
        this.abbreviations = Set.copyOf(abbreviations);
        this.tokenizer = new Tokenizer(Map.copyOf(numberWords));
    }

    /** Renders STAR fields canonically and segments the rendering. */
    public StoryText segmentStar(String situation, String task, String action, String result) {
        String[] fields = {situation.strip(), task.strip(), action.strip(), result.strip()};
        StringBuilder sb = new StringBuilder();
        int[] starts = new int[4];
        int[] ends = new int[4];
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append("\n\n");
            }
            sb.append("## ").append(STAR_HEADINGS[i]).append('\n');
            starts[i] = sb.length();
            sb.append(fields[i]);
            ends[i] = sb.length();
        }
        String text = sb.toString();
        char[] norm = TextNormalizer.normalize(text);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sections.add(new Section(STAR_KINDS[i], STAR_HEADINGS[i], starts[i], ends[i]));
        }
        return build(text, norm, SegmentationMode.STAR_FIELDS, sections);
    }

    /** Segments free text: recognised headings/labels, or a single block to be inferred. */
    public StoryText segmentText(String text) {
        char[] norm = TextNormalizer.normalize(text);
        List<Section> found = new ArrayList<>();
        List<int[]> skipped = new ArrayList<>(); // heading lines not part of any body
        SectionKind currentKind = null;
        String currentHeading = null;
        int bodyStart = 0;
        int lineStart = 0;
        boolean anyRecognised = false;
        int firstHeadingLine = -1;
        int n = text.length();
        int frontMatterEnd = frontMatterEnd(text);
        if (frontMatterEnd > 0) {
            skipped.add(new int[]{0, frontMatterEnd});
            lineStart = frontMatterEnd;
            bodyStart = frontMatterEnd;
        }
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = text.substring(lineStart, lineEnd);
            SectionKind kind = null;
            String heading = null;
            int newBodyStart = -1;
            boolean headingLine = false;
            Matcher h = mayBeHeading(line) ? HEADING.matcher(line) : null;
            if (h != null && h.matches()) {
                headingLine = true;
                heading = h.group(2).strip();
                kind = lookup(heading);
                newBodyStart = Math.min(n, lineEnd + 1);
            } else if (mayBeLabel(line)) {
                Matcher l = LABEL.matcher(line);
                if (l.lookingAt()) {
                    SectionKind k = lookup(l.group(1));
                    // a label of the section we are already in ("Raw data:" inside the appendix) is content
                    if (k != null && k != currentKind) {
                        kind = k;
                        heading = l.group(1).strip();
                        newBodyStart = lineStart + l.end();
                    }
                }
            }
            if (kind != null) {
                closeSection(found, currentKind, currentHeading, bodyStart, lineStart, text);
                if (!anyRecognised) {
                    firstHeadingLine = lineStart;
                }
                anyRecognised = true;
                currentKind = kind;
                currentHeading = heading;
                bodyStart = newBodyStart;
            } else if (headingLine) {
                skipped.add(new int[]{lineStart, lineEnd});
            }
            if (lineEnd >= n) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (!anyRecognised) {
            List<Section> single = new ArrayList<>();
            single.add(new Section(SectionKind.OTHER, null, Math.max(0, frontMatterEnd), n));
            return build(text, norm, SegmentationMode.INFERRED, single, skipped);
        }
        closeSection(found, currentKind, currentHeading, bodyStart, n, text);
        // text before the first recognised heading
        List<Section> sections = new ArrayList<>();
        int preambleStart = Math.max(0, frontMatterEnd);
        if (firstHeadingLine > preambleStart) {
            int[] trimmed = trim(text, preambleStart, firstHeadingLine);
            if (trimmed[1] > trimmed[0] && hasWordOutside(norm, trimmed[0], trimmed[1], skipped)) {
                sections.add(new Section(SectionKind.OTHER, null, trimmed[0], trimmed[1]));
            }
        }
        sections.addAll(found);
        return build(text, norm, SegmentationMode.HEADINGS, sections, skipped);
    }

    private static boolean mayBeHeading(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
            i++;
        }
        return i < line.length() && line.charAt(i) == '#';
    }

    /** A label such as "Situation:" sits within the first few words of a line. */
    private static boolean mayBeLabel(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && colon <= 48;
    }

    /** End of a leading YAML front matter block ("---" ... "---"), or -1. */
    static int frontMatterEnd(String text) {
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            return -1;
        }
        int from = text.indexOf('\n') + 1;
        int pos = from;
        while (pos < text.length() && pos < 4000) {
            int eol = text.indexOf('\n', pos);
            int end = eol < 0 ? text.length() : eol;
            String line = text.substring(pos, end).strip();
            if (line.equals("---") || line.equals("...")) {
                return eol < 0 ? text.length() : eol + 1;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        return -1;
    }

    private static void closeSection(List<Section> out, SectionKind kind, String heading, int start, int end, String text) {
        if (kind == null) {
            return;
        }
        int[] t = trim(text, start, Math.max(start, end));
        out.add(new Section(kind, heading, t[0], Math.max(t[0], t[1])));
    }

    private static int[] trim(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new int[]{s, e};
    }

    private static boolean hasWordOutside(char[] norm, int s, int e, List<int[]> skipped) {
        for (int i = s; i < e; i++) {
            if (Tokenizer.isWordChar(norm[i]) && !inside(i, skipped)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(int i, List<int[]> ranges) {
        for (int[] r : ranges) {
            if (i >= r[0] && i < r[1]) {
                return true;
            }
        }
        return false;
    }

    SectionKind lookup(String title) {
        String t = normalizeTitle(title);
        if (t.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, SectionKind> e : aliases) {
            String a = e.getKey();
            if (t.equals(a) || (t.startsWith(a) && !Character.isLetter(t.charAt(a.length())))) {
                return e.getValue();
            }
        }
        return null;
    }

    static String normalizeTitle(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('*', ' ').replace('_', ' ').strip();
        // drop leading numbering such as "1." or "2)"
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == ')')) {
            i++;
        }
        t = t.substring(i).strip();
        while (!t.isEmpty() && !Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
            t = t.substring(0, t.length() - 1);
        }
        return t.replaceAll("\\s+", " ");
    }

    private StoryText build(String text, char[] norm, SegmentationMode mode, List<Section> sections) {
        return build(text, norm, mode, sections, List.of());
    }

    private StoryText build(String text, char[] norm, SegmentationMode mode, List<Section> sections, List<int[]> skipped) {
        List<SentenceSpan> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        int paragraph = 0;
        for (Section s : sections) {
            paragraph = splitSentences(text, norm, s.start(), s.end(), s.kind(), skipped, paragraph, sentences);
            paragraph++;
        }
        for (SentenceSpan s : sentences) {
            s.tokenStart = tokens.size();
            tokenizer.tokenize(norm, s.start, s.end, s.index, tokens);
            s.tokenEnd = tokens.size();
        }
        List<Section> visible = mode == SegmentationMode.INFERRED ? List.of() : sections;
        return new StoryText(text, norm, mode, visible, sentences, tokens.toArray(new Token[0]));
    }

    /** Splits [from, to) into sentences; returns the last paragraph index used. */
    private int splitSentences(String text, char[] norm, int from, int to, SectionKind kind, List<int[]> skipped,
                               int paragraph, List<SentenceSpan> out) {
        int unitStart = from;
        int i = from;
        int para = paragraph;
        while (i < to) {
            char c = norm[i];
            if (c == '\n') {
                int j = i + 1;
                while (j < to && (norm[j] == ' ' || norm[j] == '\t' || norm[j] == '\r')) {
                    j++;
                }
                boolean blank = j < to && norm[j] == '\n';
                boolean bullet = j < to && isBulletAt(norm, j, to);
                boolean headingNext = j < to && inside(j, skipped);
                if (blank || bullet || headingNext) {
                    emit(text, norm, unitStart, i, kind, para, out);
                    if (blank || headingNext) {
                        para++;
                    }
                    if (headingNext) {
                        int k = j;
                        while (k < to && norm[k] != '\n') {
                            k++;
                        }
                        unitStart = k;
                        i = k;
                        continue;
                    }
                    unitStart = j;
                    i = j;
                    continue;
                }
                i++;
                continue;
            }
            if (unitStart == i && inside(i, skipped)) {
                int k = i;
                while (k < to && norm[k] != '\n') {
                    k++;
                }
                unitStart = k;
                i = k;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int k = i + 1;
                while (k < to && (norm[k] == '.' || norm[k] == '!' || norm[k] == '?' || norm[k] == '"' || norm[k] == '\''
                        || norm[k] == ')' || norm[k] == ']' || norm[k] == '\u2026' || norm[k] == '*' || norm[k] == '_')) {
                    k++;
                }
                if (k >= to || Character.isWhitespace(norm[k])) {
                    if (c == '.' && isAbbreviationBefore(text, norm, i, unitStart)) {
                        i = k;
                        continue;
                    }
                    emit(text, norm, unitStart, k, kind, para, out);
                    unitStart = k;
                }
                i = k;
                continue;
            }
            i++;
        }
        emit(text, norm, unitStart, to, kind, para, out);
        return para;
    }

    private static boolean isBulletAt(char[] norm, int j, int to) {
        char c = norm[j];
        if ((c == '-' || c == '*' || c == '+' || c == '\u2022') && j + 1 < to && norm[j + 1] == ' ') {
            return true;
        }
        int k = j;
        while (k < to && k - j < 3 && Tokenizer.isDigit(norm[k])) {
            k++;
        }
        return k > j && k + 1 < to && (norm[k] == '.' || norm[k] == ')') && norm[k + 1] == ' ';
    }

    private boolean isAbbreviationBefore(String text, char[] norm, int dot, int unitStart) {
        int k = dot;
        while (k > unitStart && (Character.isLetter(norm[k - 1]) || norm[k - 1] == '.')) {
            k--;
        }
        if (k == dot) {
            return false;
        }
        String word = new String(norm, k, dot - k);
        if (abbreviations.contains(word)) {
            return true;
        }
        // a single capital initial such as "J." (but not the pronoun "I")
        return dot - k == 1 && Character.isUpperCase(text.charAt(k)) && text.charAt(k) != 'I';
    }

    private static void emit(String text, char[] norm, int s, int e, SectionKind kind, int para, List<SentenceSpan> out) {
        while (s < e && Character.isWhitespace(norm[s])) {
            s++;
        }
        // strip a leading list marker
        if (s < e && isBulletAt(norm, s, e)) {
            while (s < e && !Character.isWhitespace(norm[s])) {
                s++;
            }
            while (s < e && Character.isWhitespace(norm[s])) {
                s++;
            }
        }
        while (e > s && Character.isWhitespace(norm[e - 1])) {
            e--;
        }
        boolean hasWord = false;
        for (int i = s; i < e; i++) {
            if (Tokenizer.isWordChar(norm[i])) {
                hasWord = true;
                break;
            }
        }
        if (!hasWord) {
            return;
        }
        out.add(new SentenceSpan(out.size(), s, e, para, kind));
    }
}
