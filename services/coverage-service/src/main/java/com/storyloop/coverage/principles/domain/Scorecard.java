package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.Map;

/** The engine's scorecard of one story revision: verdict (PASS, BORDERLINE, FAIL), overall 0-100, fit per principle 0-1. */
public record Scorecard(String verdict, int overall, Map<Principle, Double> fits) {

    /** Fit of 0.6 and above counts as demonstrated (rubric.md, per-principle fit). */
    public static final double DEMONSTRATED = 0.6;

    public Scorecard {
        fits = Map.copyOf(fits);
    }

    public boolean passes() {
        return "PASS".equals(verdict);
    }

    public double fit(Principle principle) {
        return fits.getOrDefault(principle, 0.0);
    }

    public boolean demonstrates(Principle principle) {
        return fit(principle) >= DEMONSTRATED;
    }
}
