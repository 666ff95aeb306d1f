package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.List;

/** Principle coverage of one client's bank: one row per principle (all 16, in code order), findings, readiness and why. */
public record CoverageReport(List<PrincipleRow> principles, List<String> findings, int readiness, List<Reason> reasons) {

    /** One cell of the principle x story matrix; fit, verdict and overall are null until the current revision is scored. */
    public record Cell(String storyId, boolean claimed, Double fit, String verdict, Integer overall) {
    }

    /** A principle with the stories that claim or demonstrate it, and the best PASS story (null when none: the gap). */
    public record PrincipleRow(Principle code, List<Cell> stories, String bestStoryId) {
    }

    /** One rule behind the readiness figure and the points it gave (negative for a penalty). */
    public record Reason(String rule, int points, String detail) {
    }
}
