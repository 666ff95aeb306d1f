package com.storyloop.rubric.scorecard;

import java.util.Locale;
import java.util.Optional;

/** Target level of the role the story is prepared for. */
public enum Level {
    L4, L5, L6, L7, L8;

    /** Accepts "L6", "l6" or "6"; empty if not a known level. */
    public static Optional<Level> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (!t.startsWith("L")) {
            t = "L" + t;
        }
        for (Level l : values()) {
            if (l.name().equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
