package com.storyloop.rubric.analysis;

import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.lexicon.CueMatch;
import com.storyloop.rubric.lexicon.LexiconHits;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.text.SentenceSpan;
import com.storyloop.rubric.text.StoryText;

import java.util.List;

/**
 * Labels the sentences of a free text without headings as Situation, Task, Action or Result.
 * Labels must follow STAR order; a dynamic programme picks the ordering that best agrees with
 * the section cues of each sentence, prefers label changes at paragraph breaks, and leans the
 * first sentence towards Situation and the last towards Result. Linear in the sentence count.
 */
final class SectionInference {

    private static final SectionKind[] STAR = {SectionKind.SITUATION, SectionKind.TASK, SectionKind.ACTION, SectionKind.RESULT};

    private final double[] cueWeight = new double[4];
    private final double firstSituation;
    private final double lastResult;
    private final double middleAction;
    private final double midParagraphChange;
    private final double sameLabelNewParagraph;

    SectionInference(RubricDefinition def) {
        for (int i = 0; i < 4; i++) {
            cueWeight[i] = def.inferenceWeight(STAR[i]);
        }
        firstSituation = def.inferenceParam("firstSentenceSituation");
        lastResult = def.inferenceParam("lastSentenceResult");
        middleAction = def.inferenceParam("middleSentenceAction");
        midParagraphChange = def.inferenceParam("midParagraphChangePenalty");
        sameLabelNewParagraph = def.inferenceParam("sameLabelNewParagraphPenalty");
    }

    SectionKind[] infer(StoryText story, LexiconHits hits, Lexicons lex) {
        List<SentenceSpan> ss = story.sentences;
        int n = ss.size();
        SectionKind[] labels = new SectionKind[n];
        if (n == 0) {
            return labels;
        }
        double[][] score = new double[n][4];
        for (int l = 0; l < 4; l++) {
            for (CueMatch m : hits.all(lex.section[l])) {
                score[m.sentence][l] += cueWeight[l];
            }
        }
        for (int k = 0; k < n; k++) {
            if (k == 0) {
                score[k][0] += firstSituation;
            } else if (k == n - 1) {
                score[k][3] += lastResult;
            } else {
                score[k][2] += middleAction;
            }
        }
        double[][] best = new double[n][4];
        int[][] from = new int[n][4];
        for (int l = 0; l < 4; l++) {
            best[0][l] = score[0][l];
        }
        for (int k = 1; k < n; k++) {
            boolean newParagraph = ss.get(k).paragraph != ss.get(k - 1).paragraph;
            for (int l = 0; l < 4; l++) {
                double bestPrev = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p <= l; p++) {
                    double v = best[k - 1][p];
                    if (p != l && !newParagraph) {
                        v -= midParagraphChange;
                    }
                    if (p == l && newParagraph) {
                        v -= sameLabelNewParagraph;
                    }
                    if (v > bestPrev) {
                        bestPrev = v;
                        arg = p;
                    }
                }
                best[k][l] = bestPrev + score[k][l];
                from[k][l] = arg;
            }
        }
        int l = 0;
        for (int c = 1; c < 4; c++) {
            if (best[n - 1][c] > best[n - 1][l]) {
                l = c;
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            labels[k] = STAR[l];
            l = from[k][l];
        }
        return labels;
    }
}
