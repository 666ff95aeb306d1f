package com.storyloop.scoring.rescoring.domain;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.storyloop.scoring.rescoring.domain.RescoringCommand.RecordProgress;
import com.storyloop.scoring.rescoring.domain.RescoringCommand.StartRescoring;
import com.storyloop.scoring.rescoring.domain.RescoringEvent.RescoringCompleted;
import com.storyloop.scoring.rescoring.domain.RescoringEvent.RescoringStarted;
import com.storyloop.scoring.rescoring.domain.RescoringEvent.RevisionsRescored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rescoring job's progress as example cards: given this job, when this happens, then these events and this progress. */
class RescoringDeciderTest {

    static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-000000000042");

    static RescoringJob given(RescoringCommand... commands) {
        RescoringJob job = RescoringJob.NOT_STARTED;
        for (RescoringCommand command : commands) {
            job = RescoringDecider.apply(job, RescoringDecider.decide(command, job));
        }
        return job;
    }

    static StartRescoring start(int total) {
        return new StartRescoring(JOB, "org-1", "acme-2", total);
    }

    @Nested
    class Starting {

        @Test
        void givenNoJob_whenStartedOverTenRevisions_thenItRunsAtZeroOfTen() {
            List<RescoringEvent> events = RescoringDecider.decide(start(10), RescoringJob.NOT_STARTED);

            assertThat(events).containsExactly(new RescoringStarted(JOB, "org-1", "acme-2", 10));
            RescoringJob job = RescoringDecider.apply(RescoringJob.NOT_STARTED, events);
            assertThat(job.status()).isEqualTo(RescoringJob.Status.RUNNING);
            assertThat(job.total()).isEqualTo(10);
            assertThat(job.done()).isZero();
            assertThat(job.percent()).isZero();
        }

        @Test
        void givenAnOrganisationWithoutRevisions_whenStarted_thenTheJobIsCompleteAtOnce() {
            List<RescoringEvent> events = RescoringDecider.decide(start(0), RescoringJob.NOT_STARTED);

            assertThat(events).containsExactly(new RescoringStarted(JOB, "org-1", "acme-2", 0), new RescoringCompleted());
            RescoringJob job = RescoringDecider.apply(RescoringJob.NOT_STARTED, events);
            assertThat(job.status()).isEqualTo(RescoringJob.Status.COMPLETED);
            assertThat(job.percent()).isEqualTo(100);
        }

        @Test
        void givenARunningJob_whenStartedAgain_thenRefused() {
            RescoringJob running = given(start(3));

            assertThatThrownBy(() -> RescoringDecider.decide(start(3), running)).isInstanceOf(RescoringRefused.class)
                    .hasMessageContaining("already started");
        }
    }

    @Nested
    class Progressing {

        @Test
        void givenARunningJobOfTen_whenFourAreRescored_thenFourOfTenAreDone() {
            RescoringJob job = given(start(10));

            List<RescoringEvent> events = RescoringDecider.decide(new RecordProgress(4, 0), job);

            assertThat(events).containsExactly(new RevisionsRescored(4, 0));
            RescoringJob after = RescoringDecider.apply(job, events);
            assertThat(after.done()).isEqualTo(4);
            assertThat(after.remaining()).isEqualTo(6);
            assertThat(after.percent()).isEqualTo(40);
            assertThat(after.status()).isEqualTo(RescoringJob.Status.RUNNING);
        }

        @Test
        void givenSixOfTenDone_whenTheLastFourArriveWithOneFailure_thenTheJobCompletesCountingTheFailure() {
            RescoringJob job = given(start(10), new RecordProgress(6, 0));

            List<RescoringEvent> events = RescoringDecider.decide(new RecordProgress(3, 1), job);

            assertThat(events).containsExactly(new RevisionsRescored(3, 1), new RescoringCompleted());
            RescoringJob after = RescoringDecider.apply(job, events);
            assertThat(after.status()).isEqualTo(RescoringJob.Status.COMPLETED);
            assertThat(after.done()).isEqualTo(10);
            assertThat(after.failed()).isEqualTo(1);
            assertThat(after.percent()).isEqualTo(100);
        }

        @Test
        void givenARunningJob_whenAnEmptyBatchIsReported_thenNothingHappens() {
            assertThat(RescoringDecider.decide(new RecordProgress(0, 0), given(start(5)))).isEmpty();
        }

        @Test
        void givenTwoRevisionsLeft_whenABatchReportsThree_thenRefusedSoDoneNeverExceedsTotal() {
            RescoringJob job = given(start(5), new RecordProgress(3, 0));

            assertThatThrownBy(() -> RescoringDecider.decide(new RecordProgress(3, 0), job)).isInstanceOf(RescoringRefused.class)
                    .hasMessageContaining("only 2 remain");
        }

        @Test
        void givenACompletedJob_whenMoreProgressArrives_thenRefused() {
            RescoringJob done = given(start(2), new RecordProgress(2, 0));

            assertThatThrownBy(() -> RescoringDecider.decide(new RecordProgress(1, 0), done)).isInstanceOf(RescoringRefused.class)
                    .hasMessageContaining("already complete");
        }

        @Test
        void givenNoJob_whenProgressArrives_thenRefused() {
            assertThatThrownBy(() -> RescoringDecider.decide(new RecordProgress(1, 0), RescoringJob.NOT_STARTED))
                    .isInstanceOf(RescoringRefused.class);
        }

        @Test
        void givenARunningJob_whenNegativeProgressArrives_thenRefused() {
            assertThatThrownBy(() -> RescoringDecider.decide(new RecordProgress(-1, 0), given(start(5)))).isInstanceOf(RescoringRefused.class);
        }
    }
}
