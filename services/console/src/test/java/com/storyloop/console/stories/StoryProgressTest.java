package com.storyloop.console.stories;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storyloop.console.stories.application.StoryProgress;
import com.storyloop.console.stories.application.StoryProgress.HistoryRow;
import com.storyloop.console.web.LineChart;

import static org.assertj.core.api.Assertions.assertThat;

class StoryProgressTest {

    static Map<String, Object> point(int revision, Integer overall, String verdict, int agency) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("revision", revision);
        point.put("overall", overall);
        point.put("verdict", verdict);
        point.put("dimensions", Map.of("STRUCTURE", 3, "AGENCY", agency));
        point.put("flagsIntroduced", List.of("TOO_SHORT"));
        point.put("flagsResolved", revision == 1 ? List.of() : List.of("NO_CONFLICT"));
        point.put("wordsChanged", revision == 1 ? 0 : 40);
        return point;
    }

    static Map<String, Object> story(int revisions) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 1; i <= revisions; i++) {
            list.add(Map.of("revision", i, "note", "note " + i, "wordCount", 100 + i, "revisedAt", "2026-11-26T01:23:3" + i + "Z"));
        }
        return Map.of("revisions", list);
    }

    @Test
    void givenScoredRevisions_whenBuilt_thenRowsAreNewestFirstWithTheChangeEachEditCaused() {
        StoryProgress progress = StoryProgress.of("s1", story(3), Map.of("points", List.of(point(1, 23, "FAIL", 0), point(2, 54, "BORDERLINE", 3),
                point(3, 51, "BORDERLINE", 3))));

        assertThat(progress.rows()).extracting(HistoryRow::revision).containsExactly(3, 2, 1);
        assertThat(progress.rows()).extracting(HistoryRow::changeText).containsExactly("\u22123", "+31", "");
        assertThat(progress.rows()).extracting(HistoryRow::changeDirection).containsExactly("down", "up", "same");
        assertThat(progress.row(2).changeWords()).isEqualTo("up 31 points from revision 1");
        assertThat(progress.row(2).flagsResolved()).containsExactly("NO_CONFLICT");
        assertThat(progress.row(2).wordsChanged()).isEqualTo(40);
        assertThat(progress.row(1).wordsChanged()).isNull();
        assertThat(progress.row(1).when()).isEqualTo("26 Nov 2026, 01:23 UTC");
        assertThat(progress.row(3).note()).isEqualTo("note 3");
        assertThat(progress.waitingForScores()).isFalse();
    }

    @Test
    void givenAnEditThatChangedNothingInTheScore_whenBuilt_thenTheChangeReadsPlusMinusZero() {
        StoryProgress progress = StoryProgress.of("s1", story(2), Map.of("points", List.of(point(1, 50, "BORDERLINE", 2), point(2, 50, "BORDERLINE", 2))));

        assertThat(progress.row(2).changeText()).isEqualTo("\u00b10");
        assertThat(progress.row(2).changeWords()).isEqualTo("no change in overall score");
    }

    @Test
    void givenARevisionNotScoredYet_whenBuilt_thenItIsListedAsWaitingWithoutAChange() {
        StoryProgress progress = StoryProgress.of("s1", story(3), Map.of("points", List.of(point(1, 23, "FAIL", 0), point(2, 54, "BORDERLINE", 3),
                point(3, null, null, 0))));

        HistoryRow newest = progress.latest();
        assertThat(newest.revision()).isEqualTo(3);
        assertThat(newest.scored()).isFalse();
        assertThat(newest.changeText()).isEmpty();
        assertThat(progress.waitingForScores()).isTrue();
    }

    @Test
    void givenNoTimelineAtAll_whenBuilt_thenEveryRevisionIsStillListed() {
        StoryProgress progress = StoryProgress.of("s1", story(2), Map.of());

        assertThat(progress.rows()).extracting(HistoryRow::revision).containsExactly(2, 1);
        assertThat(progress.chart().isEmpty()).isTrue();
    }

    @Test
    void givenPoints_whenCharted_thenOverallIsTheBoldLineAndTheDimensionsAreHiddenOnTheSecondAxis() {
        LineChart chart = StoryProgress.of("s1", story(2), Map.of("points", List.of(point(1, 23, "FAIL", 0), point(2, 54, "BORDERLINE", 3)))).chart();

        assertThat(chart.labels()).containsExactly("1", "2");
        assertThat(chart.series()).extracting(LineChart.Series::label).containsExactly("Overall", "Agency", "Structure");
        LineChart.Series overall = chart.series().get(0);
        assertThat(overall.values()).containsExactly(23, 54);
        assertThat(overall.axis()).isEqualTo("y");
        assertThat(overall.emphasis()).isTrue();
        assertThat(overall.hidden()).isFalse();
        assertThat(chart.series().subList(1, 3)).allMatch(s -> "y2".equals(s.axis()) && s.hidden());
        assertThat(chart.series().get(1).values()).containsExactly(0, 3);
        assertThat(chart.yMax()).isEqualTo(100);
        assertThat(chart.y2Max()).isEqualTo(5);
    }

    @Test
    void givenTwoScoredRevisions_whenAskedForTheScoreChange_thenItReadsFromToAndSignedDifference() {
        StoryProgress progress = StoryProgress.of("s1", story(3), Map.of("points", List.of(point(1, 23, "FAIL", 0), point(2, 54, "BORDERLINE", 3))));

        assertThat(progress.scoreChange(1, 2)).isEqualTo("Overall 23 \u2192 54 (+31)");
        assertThat(progress.scoreChange(2, 1)).isEqualTo("Overall 54 \u2192 23 (\u221231)");
        assertThat(progress.scoreChange(2, 3)).isNull();
    }
}
