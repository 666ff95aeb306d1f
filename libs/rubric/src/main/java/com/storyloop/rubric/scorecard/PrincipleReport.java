package com.storyloop.rubric.scorecard;

import java.util.List;

/** Fit for all sixteen principles (enum order) compared with the claimed ones. */
public record PrincipleReport(
        List<PrincipleFit> fits,
        List<Principle> claimed,
        List<Principle> demonstrated,
        List<PrincipleNote> warnings,
        List<PrincipleNote> suggestions) {
    public PrincipleReport {
        fits = List.copyOf(fits);
        claimed = List.copyOf(claimed);
        demonstrated = List.copyOf(demonstrated);
        warnings = List.copyOf(warnings);
        suggestions = List.copyOf(suggestions);
    }

    public PrincipleFit fit(Principle p) {
        return fits.get(p.ordinal());
    }
}
