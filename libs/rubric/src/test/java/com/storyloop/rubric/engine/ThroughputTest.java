package com.storyloop.rubric.engine;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke check on speed (the real benchmark is JMH in bench/). Scores a ~400-word story on one
 * thread and prints stories per second by wall clock and by the thread's CPU time (the latter is
 * less disturbed by other jobs on a shared build machine). The assertion is loose so a loaded
 * machine does not fail it, but a quadratic scan or per-call pattern compilation would.
 */
class ThroughputTest {

    static String fourHundredWords() {
        String action = Stories.PASSING.substring(Stories.PASSING.indexOf("## Action") + "## Action".length(), Stories.PASSING.indexOf("## Result"));
        String extra = action.replace("My hypothesis was", "Before that, my hypothesis had been")
                .replace("The first week showed nothing", "In the pilot clinic the first week also showed nothing");
        String more = " I also asked the clinic managers which patients would struggle with text messages; they named patients without"
                + " mobile phones, so we kept email and added a phone call for that small group, and I checked the call logs each week.";
        return Stories.PASSING.replace("## Result", extra.strip() + more + "\n\n## Result");
    }

    @Test
    void scoresFourHundredWordStoriesQuickly() {
        RubricEngine engine = RubricEngine.standard();
        StoryInput in = StoryInput.text(fourHundredWords());
        int words = engine.score(in).measurements().totalWords();
        assertThat(words).isBetween(360, 440);
        for (int i = 0; i < 6_000; i++) {
            engine.score(in);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = 5_000;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.score(in);
        }
        double wall = n / ((System.nanoTime() - t0) / 1e9);
        double cpu = n / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
        System.out.printf(Locale.ROOT, "rubric throughput: %.0f stories/s wall clock, %.0f stories/s per CPU-second (%d-word story, one thread)%n",
                wall, cpu, words);
        assertThat(cpu).isGreaterThan(500);
    }
}
