package com.storyloop.rubric.analysis;

import com.storyloop.rubric.lexicon.CueMatch;
import com.storyloop.rubric.lexicon.LexiconHits;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.text.SentenceSpan;
import com.storyloop.rubric.text.StoryText;
import com.storyloop.rubric.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Everything known about one story while it is being scored. */
public final class Analysis {
    public final StoryText story;
    public final LexiconHits hits;
    public final Lexicons lex;

    public Analysis(StoryText story, LexiconHits hits, Lexicons lex) {
        this.story = story;
        this.hits = hits;
        this.lex = lex;
    }

    public SectionKind sectionOf(int sentence) {
        return story.sentences.get(sentence).section();
    }

    public SectionKind sectionOf(CueMatch m) {
        return sectionOf(m.sentence);
    }

    /** Matches that hold, outside the appendix. */
    public List<CueMatch> holding(int lexicon) {
        return filter(hits.holding(lexicon), m -> sectionOf(m) != SectionKind.APPENDIX);
    }

    /** Matches that hold, in the given sections only. */
    public List<CueMatch> holdingIn(int lexicon, Predicate<SectionKind> sections) {
        return filter(hits.holding(lexicon), m -> sections.test(sectionOf(m)));
    }

    /** Matches that are not negated (asserted, hypothetical or reported), outside the appendix. */
    public List<CueMatch> notNegated(int lexicon) {
        return filter(hits.all(lexicon), m -> m.notNegated() && sectionOf(m) != SectionKind.APPENDIX);
    }

    public List<CueMatch> all(int lexicon) {
        return hits.all(lexicon);
    }

    private static List<CueMatch> filter(List<CueMatch> in, Predicate<CueMatch> p) {
        List<CueMatch> out = new ArrayList<>(in.size());
        for (CueMatch m : in) {
            if (p.test(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Number of distinct sentences among the matches. */
    public static int sentences(List<CueMatch> ms) {
        int n = 0;
        int last = -1;
        for (CueMatch m : ms) {
            if (m.sentence != last) {
                n++;
                last = m.sentence;
            }
        }
        return n;
    }

    /** Number of distinct cues among the matches. */
    public static int distinctCues(List<CueMatch> ms) {
        java.util.BitSet seen = new java.util.BitSet();
        for (CueMatch m : ms) {
            seen.set(m.cue.id);
        }
        return seen.cardinality();
    }

    public Evidence evidence(CueMatch m, String note) {
        Token a = story.tokens[m.startToken];
        Token b = story.tokens[m.endToken - 1];
        return new Evidence(a.start, b.end, story.text.substring(a.start, b.end), sectionOf(m), m.sentence, note);
    }

    public Evidence sentenceEvidence(int sentence, String note) {
        SentenceSpan s = story.sentences.get(sentence);
        return new Evidence(s.start, s.end, story.text.substring(s.start, s.end), s.section(), sentence, note);
    }

    public List<Evidence> evidence(List<CueMatch> ms, String note, int max) {
        List<Evidence> out = new ArrayList<>();
        for (CueMatch m : ms) {
            if (out.size() >= max) {
                break;
            }
            out.add(evidence(m, note));
        }
        return out;
    }

    /** Sentence indexes of the spoken STAR sections (appendix excluded). */
    public List<SentenceSpan> spokenSentences() {
        List<SentenceSpan> out = new ArrayList<>();
        for (SentenceSpan s : story.sentences) {
            if (s.section() != SectionKind.APPENDIX) {
                out.add(s);
            }
        }
        return out;
    }

    public List<SentenceSpan> sentencesIn(SectionKind kind) {
        List<SentenceSpan> out = new ArrayList<>();
        for (SentenceSpan s : story.sentences) {
            if (s.section() == kind) {
                out.add(s);
            }
        }
        return out;
    }
}
