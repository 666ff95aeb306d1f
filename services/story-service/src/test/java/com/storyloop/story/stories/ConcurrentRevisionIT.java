package com.storyloop.story.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.storyloop.story.support.StoryServiceIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Two clients revise the same story from the same version at the same moment: one wins, the other learns it was stale. */
class ConcurrentRevisionIT extends StoryServiceIT {

    @Test
    void twoRevisionsWithTheSameIfMatchAtOnceGiveOne201OneA412AndOneEvent() throws Exception {
        String bankId = openBank();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds, so the race is really run both ways: both appending at once, or one after the other's commit
            for (int round = 0; round < 8; round++) {
                Response drafted = draft(bankId, starStory("Race " + round));
                String storyId = drafted.json().get("storyId").asString();
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Response>> attempts = new ArrayList<>();
                for (String author : List.of("client", "coach")) {
                    attempts.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return postIfMatch("/api/stories/" + storyId + "/revisions", starStory("Race revised by " + author),
                                drafted.etag());
                    }, pool));
                }
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<Response> attempt : attempts) {
                    Response response = attempt.get(30, TimeUnit.SECONDS);
                    statuses.add(response.status());
                    if (response.status() == 412) {
                        response.assertProblem(412, "If-Match");
                    }
                }

                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 412);
                assertThat(jdbc.queryForList("select event_type from events where stream_id = ? order by stream_version", String.class, storyId))
                        .containsExactly("StoryDrafted", "StoryRevised");
                assertThat(get("/api/stories/" + storyId).json().get("revision").asInt()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
