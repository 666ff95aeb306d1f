package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.lexicon.LexiconHits;
import com.storyloop.rubric.scorecard.DimensionScore;
import com.storyloop.rubric.scorecard.Flag;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.LevelReport;
import com.storyloop.rubric.scorecard.Measurements;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.rubric.scorecard.PrincipleReport;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.SegmentationMode;
import com.storyloop.rubric.scorecard.Segmentation;
import com.storyloop.rubric.scorecard.Sentence;
import com.storyloop.rubric.scorecard.VerdictDecision;
import com.storyloop.rubric.text.Segmenter;
import com.storyloop.rubric.text.SentenceSpan;
import com.storyloop.rubric.text.StoryText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The compiled form of one rubric definition; immutable and safe to share between threads. */
public final class ScoringPipeline {

    private final RubricDefinition def;
    private final Lexicons lex;
    private final Segmenter segmenter;
    private final SectionInference inference;
    private final Measurer measurer;
    private final FlagDetector flags;
    private final DimensionScorer dimensions;
    private final PrincipleScorer principles;
    private final LevelAnalyzer level;
    private final VerdictPolicy verdict;

    public ScoringPipeline(RubricDefinition def) {
        this.def = def;
        this.lex = new Lexicons(def);
        Map<String, SectionKind> aliases = new HashMap<>(def.sectionAliases());
        this.segmenter = new Segmenter(aliases, Set.copyOf(def.abbreviations()), def.numberWords());
        this.inference = new SectionInference(def);
        this.measurer = new Measurer(def);
        this.flags = new FlagDetector(def);
        this.dimensions = new DimensionScorer(def);
        this.principles = new PrincipleScorer(def);
        this.level = new LevelAnalyzer(def);
        this.verdict = new VerdictPolicy(def);
    }

    public StoryText segmentText(String text) {
        return segmenter.segmentText(text);
    }

    public StoryText segmentStar(String s, String t, String a, String r) {
        return segmenter.segmentStar(s, t, a, r);
    }

    public Scorecard score(StoryText story, Set<Principle> claimed, Level target) {
        LexiconHits hits = lex.index.match(story);
        if (story.mode == SegmentationMode.INFERRED) {
            story.applyInferredSections(inference.infer(story, hits, lex));
        }
        Analysis a = new Analysis(story, hits, lex);
        FlagDetector.Signals signals = flags.signals(a);
        Measurements m = measurer.measure(a, signals.decisions.size());
        List<Flag> raised = flags.detect(a, signals, m);
        List<DimensionScore> dims = dimensions.score(a, signals, m, raised);
        int overall = dimensions.overall(dims);
        VerdictDecision decision = verdict.decide(overall, raised);
        PrincipleReport report = principles.score(a, dims, raised, claimed);
        LevelReport levelReport = level.analyze(a, target);
        List<Sentence> sentences = new ArrayList<>(story.sentences.size());
        for (SentenceSpan s : story.sentences) {
            sentences.add(new Sentence(s.index, s.start, s.end, s.section(), story.text.substring(s.start, s.end)));
        }
        Segmentation seg = new Segmentation(story.text, story.mode, story.sections(), sentences);
        return new Scorecard(def.version(), seg, m, raised, dims, overall, decision, report, levelReport);
    }
}
