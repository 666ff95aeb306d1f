package com.storyloop.rubric.engine;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.json.ScorecardJson;
import com.storyloop.rubric.scorecard.Level;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Same input, same scorecard: across calls, engines, orders and threads. */
class DeterminismTest {

    private static final List<StoryInput> INPUTS = List.of(
            StoryInput.text(Stories.PASSING).withClaimedPrinciples(List.of("CUSTOMER_OBSESSION", "DIVE_DEEP")).withTargetLevel(Level.L7),
            StoryInput.text(Stories.withAction("I skipped the security review and worked every weekend.")),
            StoryInput.star("I was the PM for payments.", "Failures rose.", "I dug into the logs and found a retry storm; my first fix failed.", "Failures fell 70%."),
            StoryInput.text("i was the pm. we launched. it worked perfectly on the first try and everyone agreed. revenue grew 20%."));

    private static List<String> scoreAll(RubricEngine engine, List<StoryInput> inputs) {
        List<String> out = new ArrayList<>();
        for (StoryInput in : inputs) {
            out.add(ScorecardJson.toJson(ScorecardJson.full(engine.score(in))));
        }
        return out;
    }

    @Test
    void sameInputGivesByteIdenticalScorecards() {
        RubricEngine a = RubricEngine.standard();
        RubricEngine b = new RubricEngine(RubricDefinition.fromJson(RubricDefinition.standard().json()));
        List<String> first = scoreAll(a, INPUTS);
        assertThat(scoreAll(a, INPUTS)).isEqualTo(first);
        assertThat(scoreAll(b, INPUTS)).isEqualTo(first);
        List<StoryInput> reversed = new ArrayList<>(INPUTS);
        java.util.Collections.reverse(reversed);
        List<String> back = scoreAll(a, reversed);
        java.util.Collections.reverse(back);
        assertThat(back).isEqualTo(first);
    }

    @Test
    void concurrentScoringGivesTheSameScorecards() throws Exception {
        RubricEngine engine = RubricEngine.standard();
        List<String> expected = scoreAll(engine, INPUTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> scoreAll(engine, INPUTS)));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
