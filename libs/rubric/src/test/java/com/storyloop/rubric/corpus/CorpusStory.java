package com.storyloop.rubric.corpus;

import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One labelled story of the corpus: front matter plus body (see corpus/README.md). */
record CorpusStory(String id, String split, String inputKind, Verdict verdict, Set<FlagCode> flags, Set<FlagCode> mustNot,
                   Set<Principle> principles, List<String> claimed, Level level, String body) {

    private static final Pattern STAR_HEADING = Pattern.compile("(?m)^##\\s+(Situation|Task|Action|Result)\\s*$");

    boolean holdout() {
        return "holdout".equals(split);
    }

    StoryInput input() {
        StoryInput in;
        if ("star".equals(inputKind)) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = STAR_HEADING.matcher(body);
            List<int[]> marks = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                marks.add(new int[]{m.start(), m.end()});
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            for (int i = 0; i < marks.size(); i++) {
                int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : body.length();
                fields.put(names.get(i), body.substring(marks.get(i)[1], end).strip());
            }
            in = StoryInput.star(fields.get("situation"), fields.get("task"), fields.get("action"), fields.get("result"));
        } else {
            in = StoryInput.text(body);
        }
        in = in.withClaimedPrinciples(claimed);
        return level == null ? in : in.withTargetLevel(level);
    }

    static CorpusStory load(Path file) throws IOException {
        String all = Files.readString(file, StandardCharsets.UTF_8);
        if (!all.startsWith("---\n")) {
            throw new IllegalArgumentException(file + ": no front matter");
        }
        int end = all.indexOf("\n---\n", 4);
        String fm = all.substring(4, end);
        String body = all.substring(end + 5);
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : fm.split("\n")) {
            int c = line.indexOf(':');
            meta.put(line.substring(0, c).strip(), line.substring(c + 1).strip());
        }
        return new CorpusStory(meta.get("id"), meta.get("split"), meta.get("input"), Verdict.valueOf(meta.get("verdict")),
                enums(FlagCode.class, meta.get("flags")), enums(FlagCode.class, meta.get("must_not")),
                enums(Principle.class, meta.get("principles")), list(meta.get("claimed")),
                meta.containsKey("level") ? Level.parse(meta.get("level")).orElseThrow() : null, body);
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        String inner = v.replace("[", "").replace("]", "").strip();
        if (inner.isEmpty()) {
            return out;
        }
        for (String s : inner.split(",")) {
            out.add(s.strip());
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String v) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : list(v)) {
            out.add(Enum.valueOf(type, s));
        }
        return out;
    }
}
