package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static com.storyloop.rubric.scorecard.Principle.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Given a bank, when coverage is assessed, then these findings and this readiness. */
class PrincipleCoverageTest {

    /** Ten distinct PASS stories, each with an appendix, covering the 16 principles between them (1-2 each). */
    static List<BankStory> completeBank() {
        Principle[][] claims = {
                {CUSTOMER_OBSESSION, OWNERSHIP}, {INVENT_AND_SIMPLIFY, ARE_RIGHT_A_LOT}, {LEARN_AND_BE_CURIOUS, HIRE_AND_DEVELOP},
                {HIGHEST_STANDARDS, THINK_BIG}, {BIAS_FOR_ACTION, FRUGALITY}, {EARN_TRUST, DIVE_DEEP}, {BACKBONE},
                {DELIVER_RESULTS}, {EARTHS_BEST_EMPLOYER}, {BROAD_RESPONSIBILITY}};
        List<BankStory> bank = new ArrayList<>();
        for (int i = 0; i < claims.length; i++) {
            bank.add(story("s" + i, Set.of(claims[i]), card("PASS", 80, 0.8, claims[i]), true));
        }
        return bank;
    }

    static BankStory story(String id, Set<Principle> claimed, Scorecard card, boolean deepDive) {
        return new BankStory(id, 1, claimed, "story " + id + " " + distinctWords(id), "project-" + id, false, deepDive, card);
    }

    static String distinctWords(String id) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            text.append(' ').append(id).append("word").append(i);
        }
        return text.toString();
    }

    static Scorecard card(String verdict, int overall, double fit, Principle... principles) {
        Map<Principle, Double> fits = new HashMap<>();
        for (Principle p : principles) {
            fits.put(p, fit);
        }
        return new Scorecard(verdict, overall, fits);
    }

    static List<BankStory> replace(List<BankStory> bank, BankStory replacement) {
        List<BankStory> copy = new ArrayList<>(bank);
        copy.replaceAll(s -> s.storyId().equals(replacement.storyId()) ? replacement : s);
        return copy;
    }

    @Test
    void aCompleteTenStoryBankIsCompleteWithNothingElseToSay() {
        CoverageReport report = PrincipleCoverage.assess(completeBank());

        assertThat(report.findings()).containsExactly("COVERAGE_COMPLETE");
        assertThat(report.principles()).hasSize(16).allSatisfy(row -> assertThat(row.bestStoryId()).isNotNull());
        assertThat(report.principles().get(0).code()).isEqualTo(CUSTOMER_OBSESSION);
        assertThat(report.principles().get(0).bestStoryId()).isEqualTo("s0");
        assertThat(report.principles().get(0).stories()).containsExactly(new CoverageReport.Cell("s0", true, 0.8, "PASS", 80));
        // everything but depth: each principle has one PASS story, not two
        assertThat(report.readiness()).isEqualTo(90);
        assertThat(report.reasons()).extracting(CoverageReport.Reason::rule).containsExactly("BREADTH", "DEPTH", "QUALITY", "DEEP_DIVES", "BANK_SIZE");
    }

    @Test
    void twoPassStoriesPerPrincipleGiveFullDepthAndReadiness() {
        List<BankStory> bank = new ArrayList<>(completeBank());
        // two more PASS stories demonstrating every principle give each principle a second PASS story
        List<BankStory> doubled = new ArrayList<>();
        for (BankStory s : bank) {
            Principle[] claims = s.claimed().toArray(new Principle[0]);
            doubled.add(new BankStory(s.storyId(), 1, s.claimed(), s.text(), s.projectTag(), false, true, card("PASS", 85, 0.9, claims)));
        }
        doubled.add(story("x1", EnumSet.of(CUSTOMER_OBSESSION, OWNERSHIP, INVENT_AND_SIMPLIFY, ARE_RIGHT_A_LOT),
                card("PASS", 70, 0.7, Principle.values()), true));
        doubled.add(story("x2", EnumSet.of(FRUGALITY, DIVE_DEEP), card("PASS", 70, 0.7, Principle.values()), true));

        CoverageReport report = PrincipleCoverage.assess(doubled);

        assertThat(report.findings()).containsExactly("COVERAGE_COMPLETE");
        assertThat(report.readiness()).isEqualTo(100);
        // the best story for a principle is the strongest fit, not the first one
        assertThat(report.principles().get(0).bestStoryId()).isEqualTo("s0");
        // a story demonstrating a principle it does not claim appears in the matrix as unclaimed
        assertThat(report.principles().get(15).stories()).contains(new CoverageReport.Cell("x2", false, 0.7, "PASS", 70));
    }

    @Test
    void theSameBankWithoutFrugalityIsMissingFrugalityAndSaysSo() {
        List<BankStory> bank = replace(completeBank(), story("s4", Set.of(BIAS_FOR_ACTION), card("PASS", 80, 0.8, BIAS_FOR_ACTION), true));

        CoverageReport report = PrincipleCoverage.assess(bank);

        assertThat(report.findings()).containsExactly("MISSING_LP:FRUGALITY", "NO_FRUGALITY_STORY");
        assertThat(report.principles().get(FRUGALITY.ordinal()).bestStoryId()).isNull();
        assertThat(report.principles().get(FRUGALITY.ordinal()).stories()).isEmpty();
        assertThat(report.readiness()).isEqualTo(86); // breadth 56 (15/16) + 15 + 5 + 10
    }

    @Test
    void aStoryReTaggedToSevenPrinciplesIsOverstretched() {
        Set<Principle> seven = EnumSet.of(CUSTOMER_OBSESSION, OWNERSHIP, THINK_BIG, DIVE_DEEP, BACKBONE, EARN_TRUST, DELIVER_RESULTS);
        List<BankStory> bank = replace(completeBank(), story("s0", seven, card("PASS", 80, 0.8, CUSTOMER_OBSESSION, OWNERSHIP), true));

        CoverageReport report = PrincipleCoverage.assess(bank);

        assertThat(report.findings()).containsExactly("COVERAGE_COMPLETE", "OVERSTRETCHED:s0");
        assertThat(report.readiness()).isEqualTo(85);
        assertThat(report.reasons()).contains(new CoverageReport.Reason("OVERSTRETCHED", -5, "1 stories claim more than 4 principles"));
        // claimed but not demonstrated by s0: the cell shows the claim with its low fit
        assertThat(report.principles().get(THINK_BIG.ordinal()).stories()).contains(new CoverageReport.Cell("s0", true, 0.0, "PASS", 80));
    }

    @Test
    void sixteenFailingStoriesClaimingEverythingAreNotReadyAtAll() {
        List<BankStory> bank = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            bank.add(new BankStory("f" + (char) ('a' + i), 2, EnumSet.allOf(Principle.class), distinctWords("f" + i), null, false, false,
                    card("FAIL", 30, 0.7, Principle.values())));
        }

        CoverageReport report = PrincipleCoverage.assess(bank);

        assertThat(report.findings()).doesNotContain("COVERAGE_COMPLETE")
                .contains("NO_FRUGALITY_STORY", "WEAK_STORIES:16", "STORY_COUNT_OFF_TARGET", "OVERSTRETCHED:fa", "OVERSTRETCHED:fp",
                        "NO_DEEP_DIVE:fa", "NO_DEEP_DIVE:fp")
                .noneMatch(f -> f.startsWith("MISSING_LP:"));
        for (Principle p : Principle.values()) {
            assertThat(report.findings()).contains("ILLUSORY_COVERAGE:" + p.name());
        }
        assertThat(report.findings()).hasSize(16 + 1 + 16 + 1 + 1 + 16);
        assertThat(report.readiness()).isZero();
        assertThat(report.principles()).allSatisfy(row -> {
            assertThat(row.bestStoryId()).isNull();
            assertThat(row.stories()).hasSize(16);
        });
    }

    @Test
    void anEmptyBankMissesEveryPrincipleAndStillListsAllSixteen() {
        CoverageReport report = PrincipleCoverage.assess(List.of());

        assertThat(report.principles()).hasSize(16);
        assertThat(report.findings()).contains("MISSING_LP:CUSTOMER_OBSESSION", "MISSING_LP:BROAD_RESPONSIBILITY", "NO_FRUGALITY_STORY",
                "STORY_COUNT_OFF_TARGET");
        assertThat(report.readiness()).isZero();
    }

    @Test
    void aClaimWhoseStoryIsOnlyBorderlineIsIllusory() {
        List<BankStory> bank = replace(completeBank(), story("s9", Set.of(BROAD_RESPONSIBILITY), card("BORDERLINE", 60, 0.9, BROAD_RESPONSIBILITY), true));

        assertThat(PrincipleCoverage.assess(bank).findings()).containsExactly("ILLUSORY_COVERAGE:BROAD_RESPONSIBILITY");
    }

    @Test
    void aPassStoryWithTooWeakAFitDoesNotCoverItsClaim() {
        List<BankStory> bank = replace(completeBank(), story("s9", Set.of(BROAD_RESPONSIBILITY), card("PASS", 80, 0.5, BROAD_RESPONSIBILITY), true));

        assertThat(PrincipleCoverage.assess(bank).findings()).containsExactly("ILLUSORY_COVERAGE:BROAD_RESPONSIBILITY");
    }

    @Test
    void anUnscoredRevisionCoversNothingYet() {
        BankStory unscored = new BankStory("s9", 2, Set.of(BROAD_RESPONSIBILITY), distinctWords("s9"), null, false, true, null);

        CoverageReport report = PrincipleCoverage.assess(replace(completeBank(), unscored));

        assertThat(report.findings()).containsExactly("ILLUSORY_COVERAGE:BROAD_RESPONSIBILITY");
        assertThat(report.principles().get(BROAD_RESPONSIBILITY.ordinal()).stories())
                .containsExactly(new CoverageReport.Cell("s9", true, null, null, null));
    }

    @Test
    void aRetiredStoryLeavesCoverage() {
        BankStory s9 = completeBank().get(9);
        BankStory retired = new BankStory(s9.storyId(), 1, s9.claimed(), s9.text(), s9.projectTag(), true, true, s9.scorecard());

        assertThat(PrincipleCoverage.assess(replace(completeBank(), retired)).findings())
                .containsExactly("MISSING_LP:BROAD_RESPONSIBILITY");
    }

    @Test
    void failingStoriesAreCountedAsWeak() {
        List<BankStory> bank = replace(completeBank(), story("s9", Set.of(BROAD_RESPONSIBILITY), card("FAIL", 20, 0.9, BROAD_RESPONSIBILITY), true));
        bank = replace(bank, story("s8", Set.of(EARTHS_BEST_EMPLOYER), card("FAIL", 20, 0.9, EARTHS_BEST_EMPLOYER), true));

        assertThat(PrincipleCoverage.assess(bank).findings())
                .containsExactly("ILLUSORY_COVERAGE:EARTHS_BEST_EMPLOYER", "ILLUSORY_COVERAGE:BROAD_RESPONSIBILITY", "WEAK_STORIES:2");
    }

    @Test
    void sevenOrThirteenActiveStoriesAreOffTarget() {
        List<BankStory> seven = new ArrayList<>(completeBank().subList(0, 7));
        assertThat(PrincipleCoverage.assess(seven).findings()).contains("STORY_COUNT_OFF_TARGET");

        List<BankStory> thirteen = new ArrayList<>(completeBank());
        for (int i = 0; i < 3; i++) {
            thirteen.add(story("extra" + i, Set.of(DIVE_DEEP), card("PASS", 80, 0.8, DIVE_DEEP), true));
        }
        assertThat(PrincipleCoverage.assess(thirteen).findings()).containsExactly("COVERAGE_COMPLETE", "STORY_COUNT_OFF_TARGET");
    }

    @Test
    void aNearDuplicateTextIsADuplicateStory() {
        BankStory original = completeBank().get(9);
        BankStory copy = new BankStory("s9-copy", 1, Set.of(), original.text() + " again", "other", false, true, card("PASS", 80, 0.8));
        List<BankStory> bank = new ArrayList<>(completeBank());
        bank.add(copy);

        CoverageReport report = PrincipleCoverage.assess(bank);

        assertThat(report.findings()).containsExactly("COVERAGE_COMPLETE", "DUPLICATE_STORY");
        assertThat(report.reasons()).contains(new CoverageReport.Reason("DUPLICATES", -5, "s9 and s9-copy are near-duplicates"));
    }

    @Test
    void threeStoriesFromOneProjectAreADuplicateStoryWarning() {
        List<BankStory> bank = new ArrayList<>();
        for (BankStory s : completeBank()) {
            String tag = s.storyId().compareTo("s3") < 0 ? "Checkout-2023" : s.projectTag();
            bank.add(new BankStory(s.storyId(), 1, s.claimed(), s.text(), tag, false, true, s.scorecard()));
        }

        assertThat(PrincipleCoverage.assess(bank).findings()).containsExactly("COVERAGE_COMPLETE", "DUPLICATE_STORY");
    }

    @Test
    void aStoryWithoutAnAppendixHasNoDeepDive() {
        BankStory s9 = completeBank().get(9);
        BankStory bare = new BankStory(s9.storyId(), 1, s9.claimed(), s9.text(), s9.projectTag(), false, false, s9.scorecard());

        CoverageReport report = PrincipleCoverage.assess(replace(completeBank(), bare));

        assertThat(report.findings()).containsExactly("COVERAGE_COMPLETE", "NO_DEEP_DIVE:s9");
        assertThat(report.readiness()).isEqualTo(90); // 4.5 of 5 rounds up
    }
}
