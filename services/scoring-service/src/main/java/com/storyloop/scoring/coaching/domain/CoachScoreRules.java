package com.storyloop.scoring.coaching.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;

/** What a coach score must be for calibration to mean anything. */
public final class CoachScoreRules {

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 5;
    public static final int MAX_COMMENT = 4_000;
    static final Pattern COACH_ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,200}");

    private CoachScoreRules() {
    }

    /** @throws InvalidCoachScore listing every field at fault */
    public static CoachScore validate(CoachScoreInput input) {
        List<InputProblem> problems = new ArrayList<>();
        if (input.coachId() == null || !COACH_ID.matcher(input.coachId()).matches()) {
            problems.add(new InputProblem("coachId", "is required: the coach's id (1 to 200 letters, digits or ._:@+-)"));
        }
        EnumMap<Dimension, Integer> dimensions = new EnumMap<>(Dimension.class);
        if (input.dimensions() == null || input.dimensions().isEmpty()) {
            problems.add(new InputProblem("dimensions", "is required: at least one of " + names(Dimension.values()) + " with a score from "
                    + MIN_SCORE + " to " + MAX_SCORE));
        } else {
            for (Map.Entry<String, Integer> entry : input.dimensions().entrySet()) {
                String field = "dimensions." + entry.getKey();
                Dimension dimension = parse(Dimension.class, entry.getKey());
                if (dimension == null) {
                    problems.add(new InputProblem(field, "is not a rubric dimension; use " + names(Dimension.values())));
                } else if (dimensions.containsKey(dimension)) {
                    problems.add(new InputProblem(field, "is scored twice"));
                } else if (entry.getValue() == null || entry.getValue() < MIN_SCORE || entry.getValue() > MAX_SCORE) {
                    problems.add(new InputProblem(field, "must be a whole number from " + MIN_SCORE + " to " + MAX_SCORE));
                } else {
                    dimensions.put(dimension, entry.getValue());
                }
            }
        }
        Verdict verdict = input.verdict() == null ? null : parse(Verdict.class, input.verdict());
        if (verdict == null) {
            problems.add(new InputProblem("verdict", "is required: " + names(Verdict.values())));
        }
        List<FlagCode> flags = new ArrayList<>();
        Set<FlagCode> seen = EnumSet.noneOf(FlagCode.class);
        List<String> given = input.flags() == null ? List.of() : input.flags();
        for (int i = 0; i < given.size(); i++) {
            FlagCode flag = given.get(i) == null ? null : parse(FlagCode.class, given.get(i));
            if (flag == null) {
                problems.add(new InputProblem("flags[" + i + "]", "'" + given.get(i) + "' is not a flag; use " + names(FlagCode.values())));
            } else if (!seen.add(flag)) {
                problems.add(new InputProblem("flags[" + i + "]", flag + " is listed twice"));
            } else {
                flags.add(flag);
            }
        }
        if (input.comment() != null && input.comment().length() > MAX_COMMENT) {
            problems.add(new InputProblem("comment", "is longer than " + MAX_COMMENT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCoachScore(problems);
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment();
        return new CoachScore(input.coachId(), dimensions, verdict, flags, comment);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        return null;
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
