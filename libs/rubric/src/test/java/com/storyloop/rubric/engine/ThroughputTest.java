package com.storyloop.rubric.engine;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke check on speed (the real benchmark is JMH in bench/). Scores a ~400-word story on one
 * thread and prints stories per second; the assertion is loose so a loaded build machine does not
 * fail it, but a quadratic scan or per-call pattern compilation would.
 */
class ThroughputTest {

    static String fourHundredWords() {
        String action = Stories.PASSING.substring(Stories.PASSING.indexOf("## Action"), Stories.PASSING.indexOf("## Result"));
        return Stories.PASSING.replace("## Result", action.replace("## Action", "") + "\n## Result");
    }

    @Test
    void scoresFourHundredWordStoriesQuickly() {
        RubricEngine engine = RubricEngine.standard();
        StoryInput in = StoryInput.text(fourHundredWords());
        int words = engine.score(in).measurements().totalWords();
        assertThat(words).isBetween(330, 480);
        for (int i = 0; i < 3_000; i++) {
            engine.score(in);
        }
        int n = 5_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.score(in);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = n / seconds;
        System.out.printf(Locale.ROOT, "rubric throughput: %.0f stories/s (%d-word story, one thread)%n", perSecond, words);
        assertThat(perSecond).isGreaterThan(500);
    }
}
