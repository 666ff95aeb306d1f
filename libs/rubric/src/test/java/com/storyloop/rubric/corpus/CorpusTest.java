package com.storyloop.rubric.corpus;

import com.storyloop.rubric.RubricEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the labelled corpus and reports per-flag precision/recall, verdict accuracy and the
 * confusion matrix for the tuning and held-out splits. Gates apply to the whole corpus.
 * Per-story mismatches are printed for the tuning split only (pass -Dcorpus.showHoldout=true to
 * see held-out details once tuning is over).
 */
class CorpusTest {

    static final double MIN_FLAG_MICRO_F1 = 0.85;
    static final double MIN_VERDICT_ACCURACY = 0.85;

    static List<CorpusStory> loadCorpus() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusTest.class.getClassLoader().getResource("corpus").toURI());
        List<CorpusStory> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md")).sorted().toList()) {
                out.add(CorpusStory.load(p));
            }
        }
        return out;
    }

    @Test
    void corpusMeetsTheQualityGates() throws Exception {
        RubricEngine engine = RubricEngine.standard();
        List<CorpusStory> corpus = loadCorpus();
        List<CorpusReport.Scored> tuning = new ArrayList<>();
        List<CorpusReport.Scored> holdout = new ArrayList<>();
        List<CorpusReport.Scored> all = new ArrayList<>();
        for (CorpusStory s : corpus) {
            CorpusReport.Scored sc = new CorpusReport.Scored(s, engine.score(s.input()));
            (s.holdout() ? holdout : tuning).add(sc);
            all.add(sc);
        }
        boolean showHoldout = Boolean.getBoolean("corpus.showHoldout");
        CorpusReport t = new CorpusReport("tuning split", tuning, true);
        CorpusReport h = new CorpusReport("held-out split", holdout, showHoldout);
        CorpusReport a = new CorpusReport("whole corpus", all, showHoldout);
        System.out.println(t.render());
        System.out.println("tuning mismatches:\n" + t.details());
        if (Boolean.getBoolean("corpus.principles")) {
            System.out.println("tuning principles:\n" + t.principleDetails());
        }
        System.out.println(h.render());
        if (showHoldout) {
            System.out.println("held-out mismatches:\n" + h.details());
        }
        System.out.println(a.render());

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
        assertThat(a.mustNotViolations).as("must-not flags raised").isEmpty();
        assertThat(a.swaps).as("PASS<->FAIL swaps").isZero();
        assertThat(a.microF1()).as("flag micro-F1").isGreaterThanOrEqualTo(MIN_FLAG_MICRO_F1);
        assertThat(a.verdictAccuracy()).as("verdict accuracy").isGreaterThanOrEqualTo(MIN_VERDICT_ACCURACY);
    }
}
